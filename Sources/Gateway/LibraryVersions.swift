import HTTPServer

/// The versions of the C libraries linked at run time, shown by `/api/v1/version`.
enum LibraryVersions {
    static var current: [String: String] {
        ["libmicrohttpd": HTTPServer.libraryVersion]
    }
}
