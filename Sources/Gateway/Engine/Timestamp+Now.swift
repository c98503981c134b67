import Foundation
import PluginKit
import Switchboard

extension Timestamp {
    /// The wall-clock time now.
    static var now: Timestamp { Timestamp(millisecondsSinceEpoch: Date().millisecondsSince1970) }
}
