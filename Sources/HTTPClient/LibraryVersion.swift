import CCurl

extension HTTPSession {
    /// The version of the libcurl library linked at run time, e.g. `7.88.1`.
    public static var libraryVersion: String {
        guard let info = curl_version_info(CURLVERSION_ELEVENTH), let version = info.pointee.version else { return "unknown" }
        return String(cString: version)
    }
}
