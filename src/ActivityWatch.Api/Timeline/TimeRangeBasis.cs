namespace ActivityWatch.Api.Timeline;

/// <summary>Where a range came from: the request, the newest stored event (the default), or now (nothing stored).</summary>
public enum TimeRangeBasis
{
    Requested,
    NewestEvent,
    Now,
}
