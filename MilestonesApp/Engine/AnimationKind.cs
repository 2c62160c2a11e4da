namespace MilestonesApp.Engine;

/// <summary>How the app celebrates a milestone. The engine only stores and reports it.</summary>
public enum AnimationKind
{
    Confetti,
    Webm,
    None,
}
