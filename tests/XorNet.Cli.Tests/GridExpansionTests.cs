using XorNet.Cli;

namespace XorNet.Cli.Tests;

public sealed class GridExpansionTests
{
    [Fact]
    public void TwoLists_GiveEveryCombination_FirstListSlowest()
    {
        var runs = GridExpansion.Expand(["--hidden", "3,50", "--epochs", "7", "--lr", "0.1,1"]);
        Assert.Equal(["hidden=3 lr=0.1", "hidden=3 lr=1", "hidden=50 lr=0.1", "hidden=50 lr=1"],
            runs.Select(r => r.Label));
        Assert.Equal(["--hidden", "50", "--epochs", "7", "--lr", "0.1"], runs[2].Args);
        Assert.Equal("hidden-50_lr-0.1", runs[2].Folder);
    }

    [Fact]
    public void EqualsSpelling_AndNegativeValues_Expand()
    {
        var runs = GridExpansion.Expand(["--hidden=3,5", "--l2", "-1,0"]);
        Assert.Equal(4, runs.Count);
        Assert.Equal(["--hidden", "5", "--l2", "-1"], runs[2].Args);
    }

    [Fact]
    public void NoList_IsOneRun_WithTheArgumentsUnchanged()
    {
        var run = Assert.Single(GridExpansion.Expand(["--hidden", "3", "--no-bias", "--seed", "2"]));
        Assert.Equal("run", run.Label);
        Assert.Equal(["--hidden", "3", "--no-bias", "--seed", "2"], run.Args);
    }

    [Fact]
    public void EmptyValueInAList_IsAUsageError()
    {
        var e = Assert.Throws<UsageException>(() => GridExpansion.Expand(["--hidden", "3,,50"]));
        Assert.Contains("--hidden", e.Message);
    }

    [Fact]
    public void AListValuedOption_SeparatesItsAlternativesBySlash_AndKeepsItsCommas()
    {
        string[] listValued = ["--features"];
        var runs = GridExpansion.Expand(["--features", "x1,x2/x1,x2,x1x2", "--hidden", "0,3"], listValued);
        Assert.Equal(4, runs.Count);
        Assert.Equal(["--features", "x1,x2,x1x2", "--hidden", "0"], runs[2].Args);
        Assert.Equal("features=x1,x2,x1x2 hidden=0", runs[2].Label);
        var one = Assert.Single(GridExpansion.Expand(["--features", "x1,x2,x1x2"], listValued));
        Assert.Equal(["--features", "x1,x2,x1x2"], one.Args);
        Assert.Equal(3, GridExpansion.Expand(["--features", "x1,x2,x1x2"]).Count); // not list-valued: commas split
        var e = Assert.Throws<UsageException>(() => GridExpansion.Expand(["--features", "x1,x2//x1"], listValued));
        Assert.Contains("'/'-separated", e.Message);
    }
}
