using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MilestonesApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddWinsHabitsProfilesAndSeenAwards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "habits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    archived_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_habits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "seen_awards",
                columns: table => new
                {
                    user_milestone_id = table.Column<long>(type: "INTEGER", nullable: false),
                    seen_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seen_awards", x => x.user_milestone_id);
                    table.ForeignKey(
                        name: "fk_seen_awards_user_milestones_user_milestone_id",
                        column: x => x.user_milestone_id,
                        principalTable: "user_milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_profiles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    onboarded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_profiles", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "wins",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 280, nullable: false),
                    logged_at = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wins", x => x.id);
                    table.ForeignKey(
                        name: "fk_wins_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_habits_user_id",
                table: "habits",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_wins_event_id",
                table: "wins",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wins_user_id_logged_at",
                table: "wins",
                columns: new[] { "user_id", "logged_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "habits");

            migrationBuilder.DropTable(
                name: "seen_awards");

            migrationBuilder.DropTable(
                name: "user_profiles");

            migrationBuilder.DropTable(
                name: "wins");
        }
    }
}
