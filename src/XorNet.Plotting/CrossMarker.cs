using ScottPlot;
using SkiaSharp;

namespace XorNet.Plotting;

/// <summary>
/// The misclassified points' cross (ScottPlot's "Eks" shape), drawn on a path this method keeps alive until Skia is
/// done with it.
/// </summary>
/// <remarks>
/// ScottPlot 5.1's own Eks marker creates an SKPath per point and neither disposes it nor keeps it alive: once its
/// native handle is passed to Skia, the garbage collector may finalize (free) the path while Skia still draws it.
/// That was the native crash in long animations (SIGSEGV in libSkiaSharp under ScottPlot.Markers.Eks.Render, about
/// 1 run in 10 of tools/soak-animations.sh with GC_STRESS=1). Here <c>using</c> disposes the path after the draw
/// call returns, so it is reachable for the whole call.
/// </remarks>
public sealed class CrossMarker : IMarker
{
    public static readonly CrossMarker Instance = new();

    public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
    {
        float r = size / 2;
        using var path = new SKPath();
        path.MoveTo(center.X + r, center.Y + r);
        path.LineTo(center.X - r, center.Y - r);
        path.MoveTo(center.X - r, center.Y + r);
        path.LineTo(center.X + r, center.Y - r);
        Drawing.DrawPath(canvas, paint, path, markerStyle.LineStyle);
    }
}
