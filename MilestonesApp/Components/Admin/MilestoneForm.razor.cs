using Microsoft.AspNetCore.Components;
using MilestonesApp.Admin;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Resources;
using MudBlazor;

namespace MilestonesApp.Components.Admin;

/// <summary>
/// Creates or edits one definition. Inputs follow the chosen rule type and animation; the catalog validates on save and
/// each of its messages appears under the input it concerns. After a refused save, each edit asks the catalog again, so
/// a corrected field loses its error at once and an input hidden by the edit takes its error with it.
/// </summary>
public sealed partial class MilestoneForm
{
    private FieldErrors errors = FieldErrors.None;
    // The inputs on screen when errors were last set: an error whose input an edit hid is dropped, not moved above the form.
    private IReadOnlyCollection<string> shownWithErrors = [];
    private bool saving;
    private IReadOnlyList<string> milestoneCodes = [];

    [Parameter, EditorRequired] public required MilestoneDraft Draft { get; set; }

    /// <summary>True to create a new definition (its code is free to choose), false to edit the one with <see cref="MilestoneDraft.Code"/>.</summary>
    [Parameter] public bool IsNew { get; set; }

    /// <summary>Raised with the definition once the catalog accepted it.</summary>
    [Parameter] public EventCallback<MilestoneDefinition> OnSaved { get; set; }

    [Inject] private MilestoneAdministration Administration { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private static class Field
    {
        public const string Code = nameof(MilestoneDefinition.Code);
        public const string Title = nameof(MilestoneDefinition.Title);
        public const string Description = nameof(MilestoneDefinition.Description);
        public const string Icon = nameof(MilestoneDefinition.Icon);
        public const string TriggerEvent = nameof(MilestoneDefinition.TriggerEvent);
        public const string RuleType = nameof(MilestoneDefinition.RuleType);
        public const string Animation = nameof(MilestoneDefinition.Animation);
        public const string AnimationData = nameof(MilestoneDefinition.AnimationData);
    }

    /// <summary>The fields that have an input on screen right now; problems with any other field are shown above the form.</summary>
    private IReadOnlyCollection<string> ShownFields
    {
        get
        {
            List<string> shown = [Field.Code, Field.Title, Field.Description, Field.Icon, Field.TriggerEvent, Field.RuleType, Field.Animation];
            shown.AddRange(OfferedCultures.SelectMany(culture => new[] { MilestoneTranslation.TitleField(culture), MilestoneTranslation.DescriptionField(culture) }));
            shown.AddRange(RuleTypes.ParametersOf(Draft.RuleType).Select(parameter => RuleField(parameter.Name)));
            shown.AddRange(Draft.Animation switch
            {
                AnimationKind.Confetti => [AnimationField("particleCount"), AnimationField("spread"), AnimationField("startVelocity"), AnimationField("colors")],
                AnimationKind.Webm => [Field.AnimationData],
                _ => [],
            });
            return shown;
        }
    }

    /// <summary>The cultures whose .resx file translates this code already: the file wins there, so no fields are offered.</summary>
    private IReadOnlySet<string> ResourceCultures => MilestoneTextCoverage.InResources(Draft.Code.Trim());

    private IEnumerable<string> OfferedCultures => MilestoneTranslation.Cultures.Where(culture => !ResourceCultures.Contains(culture));

    /// <summary>The languages that will show the default texts: the default one, and every other with no translation in either home.</summary>
    private string DefaultSeenIn => string.Join(", ", SupportedCultures.Names
        .Where(culture => culture == SupportedCultures.Default || (!ResourceCultures.Contains(culture) && Draft.Translations[culture].IsBlank))
        .Select(SupportedCultures.NativeName));

    // The codes a rule about other milestones may list.
    protected override async Task OnInitializedAsync() => milestoneCodes = await Administration.CodesAsync();

    private static string RuleField(string property) => MilestoneValidationError.RuleDataField(property);

    private static string AnimationField(string option) => MilestoneValidationError.AnimationDataField(option);

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var definition = Draft.ToDefinition();
            BackfillResult? awarded = null;
            if (IsNew)
            {
                await Administration.CreateAsync(definition, Draft.ToTranslations());
            }
            else
            {
                awarded = await Administration.UpdateAsync(definition, Draft.ToTranslations());
            }

            ShowErrors(FieldErrors.None);
            // A live milestone's changed rule is awarded at once to everyone it now covers: the admin hears how many.
            Snackbar.Add(awarded is null ? L[Key.Admin_Form_Saved, definition.Code] : L[Key.Admin_Form_SavedAndAwarded, definition.Code, awarded.NewlyAwarded], Severity.Success);
            await OnSaved.InvokeAsync(definition);
        }
        catch (MilestoneValidationException exception)
        {
            ShowErrors(new FieldErrors(exception.Problems, L.Describe));
        }
        finally
        {
            saving = false;
        }
    }

    private async Task SetRuleAsync(string property, object? value)
    {
        Draft.Set(property, value);
        await RecheckAsync();
    }

    private async Task RecheckAsync()
    {
        if (!errors.Any)
        {
            return;
        }

        var problems = await Administration.ProblemsAsync(Draft.ToDefinition(), IsNew);
        ShowErrors(errors.Recheck(problems, shownWithErrors, ShownFields));
    }

    private void ShowErrors(FieldErrors shown)
    {
        errors = shown;
        shownWithErrors = ShownFields;
    }
}
