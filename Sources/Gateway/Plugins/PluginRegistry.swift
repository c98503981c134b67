import ExecPlugin
public import PluginKit
import SMSPlugin
import WebhookPlugin

/// The plugin kinds this gateway knows: the only place that names every built-in plugin.
public enum PluginRegistry {
    /// The factories of the built-in plugin kinds.
    public static let builtIn: [any PluginFactory] = [WebhookPluginFactory(), ExecPluginFactory(), SMSPluginFactory()]
}
