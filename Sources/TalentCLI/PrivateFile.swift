import Foundation

/// Files the CLI writes hold citizens' personal data (exports, rejected rows, reports): they are created readable by
/// their owner only (0600), whatever the umask, and an existing file is narrowed to 0600 before it is overwritten.
enum PrivateFile {
    static let mode: Int = 0o600

    /// Creates (or empties) `path` with mode 0600 and opens it for writing.
    static func create(_ path: String) -> FileHandle? {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { try? manager.setAttributes([.posixPermissions: mode], ofItemAtPath: path) }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: mode]) else { return nil }
        try? manager.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return FileHandle(forWritingAtPath: path)
    }

    /// Writes `data` to `path`, mode 0600.
    static func write(_ data: Data, to path: String) throws {
        guard let handle = create(path) else { throw CocoaError(.fileWriteNoPermission) }
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
    }
}
