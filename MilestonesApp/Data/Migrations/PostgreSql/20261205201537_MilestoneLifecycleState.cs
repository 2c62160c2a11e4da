using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MilestonesApp.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MilestoneLifecycleState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "milestones",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Live");

            // Hand-written (issue 19): a milestone switched off before states existed stopped new awards and kept its
            // holders, which is what retired means; every other row, seeds included, is live.
            migrationBuilder.Sql("UPDATE milestones SET state = 'Retired' WHERE NOT is_active");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "state",
                table: "milestones");
        }
    }
}
