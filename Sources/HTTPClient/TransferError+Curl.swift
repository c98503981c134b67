import CCurl
import PluginKit

extension TransferError {
    /// The error for a failed `curl_easy_perform`, its message scrubbed of `secrets`.
    init(curlCode: CURLcode, detail: String?, secrets: [String], cancelled: Bool, bodyTooLarge: Bool) {
        let code: Code
        switch curlCode {
        case CURLE_OPERATION_TIMEDOUT: code = .timeout
        case CURLE_COULDNT_CONNECT: code = .couldNotConnect
        case CURLE_COULDNT_RESOLVE_HOST: code = .couldNotResolveHost
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: code = .invalidURL
        case CURLE_TOO_MANY_REDIRECTS: code = .tooManyRedirects
        case CURLE_LOGIN_DENIED: code = .loginDenied
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            code = .tls
        case CURLE_ABORTED_BY_CALLBACK where cancelled: code = .cancelled
        case CURLE_WRITE_ERROR where bodyTooLarge: code = .responseTooLarge
        default: code = .transfer
        }
        var message = detail ?? String(cString: curl_easy_strerror(curlCode))
        for secret in secrets where !secret.isEmpty {
            message = message.replacingAll(secret, with: "<redacted>")
        }
        self.init(code: code, curlCode: Int(curlCode.rawValue), message: message)
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation needed).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
