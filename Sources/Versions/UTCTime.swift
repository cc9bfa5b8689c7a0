/// Seconds since 1970 as UTC calendar text, computed (Howard Hinnant's civil-from-days algorithm) rather
/// than through a date formatter: Go pseudo-versions, commit dates and report times need nothing else,
/// and Foundation's formatters load ICU data and cost microseconds per call.
public enum UTCTime {
    /// `yyyymmddhhmmss`, as Go pseudo-versions write a commit time.
    public static func digits(_ seconds: Int64) -> String {
        let t = parts(seconds)
        return "\(t.year)" + two(t.month) + two(t.day) + two(t.hour) + two(t.minute) + two(t.second)
    }

    /// `2021-02-15T10:30:45Z`.
    public static func iso8601(_ seconds: Int64) -> String {
        let t = parts(seconds)
        return "\(t.year)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
    }

    private static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func parts(_ seconds: Int64) -> (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }
}
