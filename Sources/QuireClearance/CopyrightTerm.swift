/// Copyright terms run to the end of the calendar year: a work whose term of `years` counts from
/// an event in `eventYear` is free on 1 January of `eventYear + years + 1`.
public enum CopyrightTerm {
    /// The first calendar year in which the work is free.
    public static func firstFreeYear(eventYear: Int, years: Int) -> Int {
        eventYear + years + 1
    }
}
