using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MilestonesApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_key_windows",
                columns: table => new
                {
                    api_key_id = table.Column<int>(type: "INTEGER", nullable: false),
                    window_start = table.Column<long>(type: "INTEGER", nullable: false),
                    requests = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_key_windows", x => x.api_key_id);
                    table.ForeignKey(
                        name: "fk_api_key_windows_api_keys_api_key_id",
                        column: x => x.api_key_id,
                        principalTable: "api_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_key_windows");
        }
    }
}
