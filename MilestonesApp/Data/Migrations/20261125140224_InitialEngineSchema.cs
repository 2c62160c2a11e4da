using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MilestonesApp.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialEngineSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    icon = table.Column<string>(type: "TEXT", nullable: false),
                    trigger_event = table.Column<string>(type: "TEXT", nullable: false),
                    rule_type = table.Column<string>(type: "TEXT", nullable: false),
                    rule_data = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    animation_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    animation_data = table.Column<string>(type: "TEXT", nullable: true),
                    seed_hash = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_stats",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    login_count = table.Column<long>(type: "INTEGER", nullable: false),
                    total_wins = table.Column<long>(type: "INTEGER", nullable: false),
                    total_habits_completed = table.Column<long>(type: "INTEGER", nullable: false),
                    last_login_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_activity_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_stats", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "user_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    milestone_id = table.Column<int>(type: "INTEGER", nullable: false),
                    event_id = table.Column<long>(type: "INTEGER", nullable: true),
                    awarded_by_event_id = table.Column<long>(type: "INTEGER", nullable: true),
                    achieved_at = table.Column<long>(type: "INTEGER", nullable: false),
                    awarded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_milestones_events_awarded_by_event_id",
                        column: x => x.awarded_by_event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_milestones_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_user_milestones_milestones_milestone_id",
                        column: x => x.milestone_id,
                        principalTable: "milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_user_id_event_type_occurred_at",
                table: "events",
                columns: new[] { "user_id", "event_type", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_user_id_idempotency_key",
                table: "events",
                columns: new[] { "user_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_milestones_code",
                table: "milestones",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_milestones_awarded_by_event_id",
                table: "user_milestones",
                column: "awarded_by_event_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_milestones_event_id",
                table: "user_milestones",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_milestones_milestone_id",
                table: "user_milestones",
                column: "milestone_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_milestones_user_id_milestone_id",
                table: "user_milestones",
                columns: new[] { "user_id", "milestone_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_milestones");

            migrationBuilder.DropTable(
                name: "user_stats");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "milestones");
        }
    }
}
