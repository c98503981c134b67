public import PluginKit
import Foundation

/// Where and how a webhook instance posts: the receiver's URL, the keys that sign each
/// request, and how long one request may take.
///
/// Configuration keys (beside the host's own `name`, `kind`, `types`, … in the same
/// `[[plugins]]` table):
/// - `url` (required): the receiver's absolute `http://` or `https://` URL, without
///   credentials in it.
/// - `secrets` (required, at least one): `env:NAME` / `file:PATH` secrets, each
///   `whsec_<base64 key>`; every request carries one signature per key, so a receiver can
///   move to a new key while the old one still verifies (rotation).
/// - `request_timeout_seconds` (1…300, default 10): the limit for one POST, connect to last
///   byte.
///
/// Printing an endpoint shows only the URL's origin and the keys' sources: the URL's path
/// and query may hold a token, and the keys are secrets.
public struct WebhookEndpoint: Sendable, CustomStringConvertible, CustomReflectable {
    /// The receiver's URL.
    public var url: String
    /// The keys each request is signed with, in configured order; never empty.
    public var signingKeys: [WebhookSigningKey]
    /// The limit for one request.
    public var requestTimeout: Duration

    /// Creates an endpoint; `url` must pass ``problem(withURL:)`` and `signingKeys` must not
    /// be empty.
    public init(url: String, signingKeys: [WebhookSigningKey], requestTimeout: Duration = .seconds(10)) {
        precondition(!signingKeys.isEmpty, "a webhook endpoint needs at least one signing key")
        self.url = url
        self.signingKeys = signingKeys
        self.requestTimeout = requestTimeout
    }

    /// Reads the keys above from a plugin's section, reporting every problem on `config`;
    /// nil when the section is unusable.
    public init?(config: ConfigReader) {
        let url = config.requiredText("url")
        if let url, let problem = Self.problem(withURL: url) {
            config.report("url", problem)
        }
        let secrets = config.secrets("secrets", required: true)
        if config.contains("secrets"), secrets.isEmpty {
            config.report("secrets", "expected at least one \"env:NAME\" or \"file:PATH\" secret")
        }
        var keys: [WebhookSigningKey] = []
        for secret in secrets {
            do {
                keys.append(try WebhookSigningKey(secret: secret))
            } catch {
                config.report("secrets", error.message)
            }
        }
        let timeout = config.integer("request_timeout_seconds", default: 10, in: 1...300)
        guard let url, Self.problem(withURL: url) == nil, !keys.isEmpty, keys.count == secrets.count else { return nil }
        self.init(url: url, signingKeys: keys, requestTimeout: .seconds(timeout))
    }

    /// What is wrong with `url` as a receiver's address, or nil when it is usable: it must be
    /// absolute, `http` or `https`, name a host, and carry no user name or password.
    public static func problem(withURL url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return "expected an absolute http:// or https:// URL"
        }
        guard scheme == "http" || scheme == "https" else {
            return "expected an http:// or https:// URL, found the scheme \"\(scheme)\""
        }
        guard let host = components.host, !host.isEmpty else { return "expected a URL with a host" }
        guard components.user == nil, components.password == nil else {
            return "credentials do not belong in the URL; the receiver verifies the webhook-signature header instead"
        }
        return nil
    }

    /// The URL's scheme, host and port: what logs and errors show of it.
    public var origin: String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return "<invalid URL>"
        }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")"
    }

    /// `ORIGIN (N signing keys, timeout T)`.
    public var description: String {
        "\(origin) (\(signingKeys.count) signing key\(signingKeys.count == 1 ? "" : "s"), timeout \(requestTimeout))"
    }

    /// Shows what `description` shows.
    public var customMirror: Mirror { Mirror(self, children: ["endpoint": description]) }
}
