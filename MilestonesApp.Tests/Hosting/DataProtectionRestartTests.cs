using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>The Data Protection keys live in the database: a restart (or another node) reads the old cookies and forms.</summary>
public sealed class DataProtectionRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_restart_the_old_cookie_still_signs_in_and_an_old_form_still_posts()
    {
        using var database = new TemporarySqliteDatabase();
        var cookies = new System.Net.CookieContainer();
        TestPerson person;
        Dictionary<string, string> openForm;
        await using (var before = MilestonesAppFactory.OnDatabase(database))
        {
            person = await TestPerson.CreateAsync(before);
            using var browser = Browser(before, cookies);
            using var signIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(Form(await browser.GetStringAsync("/Account/Login", Ct), person.Email)), Ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            // A second tab's sign-in form, opened before the restart and sent after it.
            openForm = Form(await browser.GetStringAsync("/Account/Login", Ct), person.Email);
        }

        // The key ring is in the database, not in a folder of this machine that a new container would not have.
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM data_protection_keys";
            Assert.NotEqual(0L, await count.ExecuteScalarAsync(Ct));
        }

        await using var after = MilestonesAppFactory.OnDatabase(database);
        using var sameBrowser = Browser(after, cookies);

        using var account = await sameBrowser.GetAsync("/Account/Manage", Ct);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        using var posted = await sameBrowser.PostAsync("/Account/Login", new FormUrlEncodedContent(openForm), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    private static HttpClient Browser(MilestonesAppFactory app, System.Net.CookieContainer cookies) =>
        app.CreateDefaultClient(new CookieContainerHandler(cookies));

    private static Dictionary<string, string> Form(string page, string email)
    {
        var fields = FormClient.HiddenFields(page);
        fields["Input.Email"] = email;
        fields["Input.Password"] = TestPerson.Password;
        return fields;
    }
}
