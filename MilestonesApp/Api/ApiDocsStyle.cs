namespace MilestonesApp.Api;

/// <summary>
/// The docs page's colours where Scalar's light theme falls short of WCAG AA (4.5:1) on its white and grey grounds, as
/// axe measured them: the HTTP method labels, secondary text, the search placeholder and numbers in the light JSON
/// examples (the request sample stays on its dark ground). The
/// sidebar's "Powered by Scalar" link, the one way off this app left, is hidden.
/// </summary>
internal static class ApiDocsStyle
{
    public const string Css = """
        .light-mode {
          --scalar-color-2: #424242;
          --scalar-color-3: #595959;
          --scalar-color-green: #17672c;
          --scalar-color-blue: #0b57a4;
          --scalar-color-orange: #8a4600;
          --scalar-color-yellow: #6f5400;
          --scalar-color-red: #b0241b;
          --scalar-color-purple: #6b3fa0;
        }
        .light-mode .language-json .hljs-number, .light-mode .language-json .hljs-literal { color: #8a4600; }
        .light-mode .sidebar-search-placeholder { color: #595959; }
        a[href*="scalar.com"] { display: none; }
        """;
}
