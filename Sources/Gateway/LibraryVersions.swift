import CalendarPlugin
import HTTPClient
import HTTPServer
import PluginKit
import Storage

/// The versions of the C libraries linked at run time, shown by `/api/v1/version`.
enum LibraryVersions {
    static var current: [String: String] {
        [
            "libcurl": HTTPSession.libraryVersion,
            "libmicrohttpd": HTTPServer.libraryVersion,
            "sqlite": SQLiteDatabase.libraryVersion,
            "libical": ICSCalendar.libraryVersion,
            "openssl": OpenSSLLibrary.version,
        ]
    }
}
