using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MilestonesApp.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddCatchUpMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "evaluated_through",
                table: "user_stats",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "evaluated_version",
                table: "user_stats",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "changed_in_version",
                table: "milestones",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "evaluated_through",
                table: "user_stats");

            migrationBuilder.DropColumn(
                name: "evaluated_version",
                table: "user_stats");

            migrationBuilder.DropColumn(
                name: "changed_in_version",
                table: "milestones");
        }
    }
}
