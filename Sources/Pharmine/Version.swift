/// The version of Pharmine, written in run reports and shown by `pharmine --version`.
public enum PharmineVersion {
    /// The version string.
    public static let current = "0.1.0"
}
