using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public class FontCheckTests
{
    [Fact]
    public void NoWarning_WhenThePlotFontIsInstalled() =>
        Assert.Null(FontCheck.Warning(["Liberation Serif", "DejaVu Sans", "DejaVu Sans Mono"]));

    [Fact]
    public void NoFontsAtAll_WarnsThatPlotsWillHaveNoText()
    {
        string? warning = FontCheck.Warning([]);
        Assert.NotNull(warning);
        Assert.Contains("no text", warning);
        Assert.Contains("fonts-dejavu-core", warning);
    }

    [Fact]
    public void OtherFontsOnly_NamesTheFallback() =>
        Assert.Contains("Liberation Serif", FontCheck.Warning(["Liberation Serif"]));

    [Fact]
    public void ThisMachine_HasThePlotFont() => Assert.Null(FontCheck.MissingFontWarning()); // .ci/run installs it
}
