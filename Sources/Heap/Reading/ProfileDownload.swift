import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fetches a heap profile from a live service (`http://host:port/debug/pprof/heap`) over plain HTTP/1.1,
/// bounded in time (one deadline for connecting, sending and reading) and in size. net/http/pprof serves
/// its endpoints over plain HTTP, usually on a port of its own; other schemes are refused.
public enum ProfileDownload {
    /// Whether `argument` names a URL rather than a file.
    public static func isURL(_ argument: String) -> Bool {
        argument.hasPrefix("http://") || argument.hasPrefix("https://")
    }

    /// The profile's bytes; `gc` adds `gc=1` (a collection first, so that in-use values are current)
    /// unless the URL sets `gc` itself.
    public static func fetch(_ address: String, timeout: Double, limit: Int = HeapProfileReader.sizeLimit,
                             gc: Bool = true) throws(HeapError) -> [UInt8] {
        guard let url = URLComponents(string: address), url.scheme == "http", let host = url.host, !host.isEmpty else {
            throw .unreadable(path: address, reason: address.hasPrefix("https://")
                ? "https is not supported for profiles; net/http/pprof serves http (use http://HOST:PORT/debug/pprof/heap or save the profile to a file)"
                : "not an http:// URL")
        }
        var components = url
        if gc, !(url.queryItems ?? []).contains(where: { $0.name == "gc" }) {
            components.queryItems = (url.queryItems ?? []) + [URLQueryItem(name: "gc", value: "1")]
        }
        let target = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        let deadline = Date().addingTimeInterval(timeout)
        do throws(Failure) {
            let connection = try Connection(host: host, port: url.port ?? 80, deadline: deadline)
            defer { close(connection.descriptor) }
            let hostHeader = url.port.map { "\(host):\($0)" } ?? host
            try connection.send("GET \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\nUser-Agent: depwatch\r\nAccept: */*\r\nConnection: close\r\n\r\n")
            let response = try HTTPResponse(try connection.receiveAll(limit: limit + 64 * 1024))
            guard response.status == 200 else {
                throw Failure("HTTP \(response.status) \(response.reason)" + (response.status == 404 ? " (is net/http/pprof imported, and is this its address?)" : ""))
            }
            guard response.body.count <= limit else { throw Failure("the profile is over \(limit >> 20) MiB") }
            return response.body
        } catch {
            throw .unreadable(path: address, reason: error.message)
        }
    }

    /// What went wrong, in words.
    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// One TCP connection with a deadline for everything done on it.
    private struct Connection {
        let descriptor: Int32
        let deadline: Date

        init(host: String, port: Int, deadline: Date) throws(Failure) {
            self.deadline = deadline
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_family = AF_UNSPEC
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0, let first = list else {
                throw Failure("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
            }
            defer { freeaddrinfo(list) }
            var reason = "no address"
            var candidate: UnsafeMutablePointer<addrinfo>? = first
            while let address = candidate {
                candidate = address.pointee.ai_next
                let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), address.pointee.ai_protocol)
                guard socket >= 0 else { reason = String(cString: strerror(errno)); continue }
                _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
                if connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 || errno == EINPROGRESS,
                   Self.wait(socket, for: Int16(POLLOUT), until: deadline) {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
                    if error == 0 { descriptor = socket; return }
                    reason = String(cString: strerror(error))
                } else {
                    reason = Date() >= deadline ? "timed out connecting" : String(cString: strerror(errno))
                }
                close(socket)
            }
            throw Failure("cannot connect to \(host):\(port): \(reason)")
        }

        /// Whether `descriptor` became ready for `events` before the deadline.
        static func wait(_ descriptor: Int32, for events: Int16, until deadline: Date) -> Bool {
            while true {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else { return false }
                var entry = pollfd(fd: descriptor, events: events, revents: 0)
                let ready = poll(&entry, 1, Int32(min(left * 1000, Double(Int32.max)).rounded(.up)))
                if ready > 0 { return true }
                if ready < 0 && errno != EINTR { return false }
            }
        }

        func send(_ text: String) throws(Failure) {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                guard Self.wait(descriptor, for: Int16(POLLOUT), until: deadline) else { throw Failure("timed out sending the request") }
                let written = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if written < 0 {
                    if errno == EAGAIN || errno == EINTR { continue }
                    throw Failure("cannot send the request: \(String(cString: strerror(errno)))")
                }
                sent += written
            }
        }

        /// Everything the server sends until it closes the connection, at most `limit` bytes.
        func receiveAll(limit: Int) throws(Failure) -> [UInt8] {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                guard Self.wait(descriptor, for: Int16(POLLIN), until: deadline) else {
                    throw Failure("timed out after \(received.count) bytes (the deadline is --timeout)")
                }
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count == 0 { return received }
                if count < 0 {
                    if errno == EAGAIN || errno == EINTR { continue }
                    throw Failure("cannot read the response: \(String(cString: strerror(errno)))")
                }
                received.append(contentsOf: chunk[0..<count])
                guard received.count <= limit else { throw Failure("the response is over \(limit >> 20) MiB") }
            }
        }
    }

    /// An HTTP/1.1 response: the status line, the headers that frame the body, and the body (chunked
    /// transfer decoded).
    struct HTTPResponse {
        var status: Int
        var reason: String
        var body: [UInt8]

        init(_ bytes: [UInt8]) throws(Failure) {
            // The header ends at the first empty line, within its first 64 KiB.
            var headerEnd: Int?
            for i in 0..<max(0, min(bytes.count, 1 << 16) - 3) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
                headerEnd = i
                break
            }
            guard let end = headerEnd else { throw Failure("not an HTTP response (\(bytes.count) bytes without a header)") }
            let head = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let statusLine = head[0].split(separator: " ", maxSplits: 2)
            guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
                throw Failure("not an HTTP response: \(TextExcerpt.quote(head[0]))")
            }
            self.status = status
            reason = statusLine.count > 2 ? String(statusLine[2]) : ""
            var headers: [String: String] = [:]
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let rest = Array(bytes[(end + 4)...])
            if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
                body = try Self.dechunk(rest)
            } else if let length = headers["content-length"].flatMap(Int.init) {
                guard rest.count >= length else { throw Failure("the response ended after \(rest.count) of its \(length) bytes") }
                body = Array(rest[0..<length])
            } else {
                body = rest
            }
        }

        /// The body of a chunked transfer.
        static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
            var body: [UInt8] = [], position = 0
            while true {
                guard let lineEnd = (position..<max(position, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else {
                    throw Failure("a chunked response ended inside a chunk header")
                }
                let sizeText = String(decoding: bytes[position..<lineEnd], as: UTF8.self).split(separator: ";")[0]
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                    throw Failure("a bad chunk size: \(TextExcerpt.quote(sizeText))")
                }
                position = lineEnd + 2
                if size == 0 { return body }
                guard bytes.count - position >= size + 2 else { throw Failure("a chunked response ended inside a chunk") }
                body.append(contentsOf: bytes[position..<position + size])
                position += size + 2
            }
        }
    }
}
