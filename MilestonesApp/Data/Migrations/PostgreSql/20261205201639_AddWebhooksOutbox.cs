using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MilestonesApp.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddWebhooksOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    protected_secret = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    removed_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_endpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    endpoint_id = table.Column<int>(type: "integer", nullable: false),
                    award_id = table.Column<long>(type: "bigint", nullable: false),
                    message_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    body = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    next_attempt_at = table.Column<long>(type: "bigint", nullable: false),
                    last_attempt_at = table.Column<long>(type: "bigint", nullable: true),
                    last_answer = table.Column<string>(type: "text", nullable: true),
                    lease_until = table.Column<long>(type: "bigint", nullable: true),
                    leased_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_user_milestones_award_id",
                        column: x => x.award_id,
                        principalTable: "user_milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_endpoints_endpoint_id",
                        column: x => x.endpoint_id,
                        principalTable: "webhook_endpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_award_id",
                table: "webhook_deliveries",
                column: "award_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_endpoint_id_award_id",
                table: "webhook_deliveries",
                columns: new[] { "endpoint_id", "award_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_next_attempt_at",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "outcome = 0");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_name",
                table: "webhook_endpoints",
                column: "name",
                unique: true,
                filter: "removed_at IS NULL");

            // Hand-written: the transactional outbox. Every award row, whatever inserted it, writes one delivery per live
            // endpoint in its own transaction; with no endpoint it writes nothing and notifies no one. The notice is
            // sent at commit (and never for a rolled-back award), waking every node's dispatcher at once.
            migrationBuilder.Sql("""
                CREATE FUNCTION webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO webhook_deliveries (endpoint_id, award_id, message_id, attempts, outcome, created_at, next_attempt_at)
                    SELECT e.id, NEW.id, 'msg_' || replace(gen_random_uuid()::text, '-', ''), 0, 0, NEW.awarded_at, NEW.awarded_at
                    FROM webhook_endpoints AS e
                    WHERE e.removed_at IS NULL;
                    IF FOUND THEN
                        PERFORM pg_notify('milestones_webhooks', '');
                    END IF;
                    RETURN NULL;
                END;
                $$;

                CREATE TRIGGER webhook_outbox AFTER INSERT ON user_milestones
                    FOR EACH ROW EXECUTE FUNCTION webhook_outbox();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS webhook_outbox ON user_milestones;
                DROP FUNCTION IF EXISTS webhook_outbox();
                """);

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "webhook_endpoints");
        }
    }
}
