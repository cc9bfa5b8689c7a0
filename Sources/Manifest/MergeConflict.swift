/// Merge-conflict markers left in a committed file.
enum MergeConflict {
    /// The first line that starts with a conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`, `|||||||`),
    /// as a diagnostic that says what happened and what to do.
    static func firstMarker(in text: String, path: String, regenerate: String) -> ManifestError? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            for marker in ["<<<<<<<", "=======", ">>>>>>>", "|||||||"] where line.hasPrefix(marker) {
                let rest = line.dropFirst(marker.count)
                guard rest.isEmpty || rest.first == " " || rest.first == "\r" else { continue }
                return .at(path, lineNumber, 1,
                           "merge conflict marker \"\(marker)\": the file was committed in the middle of a merge; "
                           + "resolve the conflict (\(regenerate))")
            }
        }
        return nil
    }
}
