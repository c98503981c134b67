import CMicroHTTPD

extension HTTPServer {
    /// The version of the libmicrohttpd library linked at run time, e.g. `0.9.75`.
    public static var libraryVersion: String { String(cString: MHD_get_version()) }
}
