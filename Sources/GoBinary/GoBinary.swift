/// A Go executable read without a Go toolchain: its format and architectures, and the build information
/// the linker wrote into it. The file stays mapped (never read whole) for as long as the value lives.
public struct GoBinary: Sendable {
    /// The path, as given.
    public let path: String
    /// ELF, Mach-O or PE.
    public let format: ExecutableFormat
    /// The GOARCH of each image (one, or one per architecture of a universal Mach-O file).
    public let architectures: [String]
    /// The build information (of the first image of a universal file).
    public let buildInfo: GoBuildInfo
    private let file: MappedFile?
    let images: [ExecutableImage]

    /// Reads the binary at `path`.
    public static func read(path: String) throws(GoBinaryError) -> GoBinary {
        let file = try MappedFile(path: path)
        return try read(ByteView(bytes: file.bytes, bigEndian: false), path: path, file: file)
    }

    /// Reads a binary held in memory (a fuzzer's input), named `path` in errors; the value must not
    /// outlive `bytes`, so it is only lent to `body`.
    public static func inspect<T>(bytes: UnsafeRawBufferPointer, path: String, _ body: (GoBinary) throws -> T) throws -> T {
        guard !bytes.isEmpty else { throw GoBinaryError.notExecutable(path: path) }
        return try body(try read(ByteView(bytes: bytes, bigEndian: false), path: path, file: nil))
    }

    private static func read(_ view: ByteView, path: String, file: MappedFile?) throws(GoBinaryError) -> GoBinary {
        do {
            guard let images = try ExecutableFormats.images(in: view), let first = images.first else { throw GoBinaryError.notExecutable(path: path) }
            guard let info = try BuildInfoReader.read(first) else { throw GoBinaryError.notGo(path: path) }
            return GoBinary(path: path, format: first.format, architectures: images.map(\.architecture), buildInfo: info, file: file, images: images)
        } catch let failure as BinaryFailure {
            throw .malformed(path: path, offset: failure.offset, message: failure.message)
        } catch let error as GoBinaryError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// The functions compiled into the binary (of its first image), inlined ones included — with `filter`,
    /// only those of its packages (much faster on a large binary); `nil` when it has no pclntab.
    public func functions(filter: PackageFilter? = nil) throws(GoBinaryError) -> GoFunctions? {
        do {
            return try FunctionTableReader.read(images[0], filter: filter)
        } catch {
            throw .malformed(path: path, offset: error.offset, message: error.message)
        }
    }

    /// Whether a file starting with `prefix` (its first 4 bytes or more) is an executable depwatch reads:
    /// the cheap test before a file found in a folder is mapped.
    public static func looksExecutable(_ prefix: [UInt8]) -> Bool {
        guard prefix.count >= 4 else { return false }
        return prefix.withUnsafeBytes { bytes in
            let view = ByteView(bytes: bytes, bigEndian: false)
            return ExecutableFormats.readers.contains { $0.recognizes(view) }
        }
    }
}
