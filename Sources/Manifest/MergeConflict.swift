/// Merge-conflict markers left in a committed file.
enum MergeConflict {
    private static let markers = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"].map { Array($0.utf8) }

    /// The first line that starts with a conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`, `|||||||`)
    /// followed by a space or the end of the line, as a diagnostic that says what happened and what to do.
    static func firstMarker(in text: String, path: String, regenerate: String) -> ManifestError? {
        firstMarker(in: TextLines(text), path: path, regenerate: regenerate)
    }

    /// `firstMarker(in:path:regenerate:)` over lines already split.
    static func firstMarker(in lines: TextLines, path: String, regenerate: String) -> ManifestError? {
        for line in lines {
            guard let first = line.bytes.first, first == 0x3C || first == 0x3D || first == 0x3E || first == 0x7C else { continue }
            for marker in markers where line.hasPrefix(marker) {
                let rest = line.bytes.dropFirst(marker.count)
                guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x0D else { continue }
                return .at(path, line.number, 1,
                           "merge conflict marker \"\(String(decoding: marker, as: UTF8.self))\": the file was committed "
                           + "in the middle of a merge; resolve the conflict (\(regenerate))")
            }
        }
        return nil
    }
}
