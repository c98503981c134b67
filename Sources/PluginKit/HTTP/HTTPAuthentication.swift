/// Credentials libcurl applies to a request. Printing one shows no secret.
public enum HTTPAuthentication: Hashable, Sendable, CustomStringConvertible {
    /// HTTP Basic (RFC 7617): `Authorization: Basic base64(username:password)`.
    /// Only over HTTPS outside tests: the password is merely encoded.
    case basic(username: String, password: String)
    /// AWS Signature Version 4, computed by libcurl (`CURLOPT_AWS_SIGV4`), e.g. for SNS:
    /// `.awsSigV4(accessKeyID: id, secretAccessKey: secret, region: "eu-north-1", service: "sns")`.
    /// Put the parameters in the POST body: libcurl 7.88 signs query strings wrongly.
    case awsSigV4(accessKeyID: String, secretAccessKey: String, region: String, service: String)

    /// The scheme and non-secret identifiers.
    public var description: String {
        switch self {
        case .basic(let username, _): "basic(username: \(username), password: <redacted>)"
        case .awsSigV4(let accessKeyID, _, let region, let service):
            "awsSigV4(accessKeyID: \(accessKeyID), region: \(region), service: \(service), secret: <redacted>)"
        }
    }
}
