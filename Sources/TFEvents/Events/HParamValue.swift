/// The value of one hyperparameter: a string, a number or a Boolean.
///
/// These are the three kinds TensorBoard's HPARAMS tab shows; it stores them as a
/// `google.protobuf.Value` (`string_value`, `number_value`, `bool_value`). Integers become
/// numbers, as they do in TensorFlow and tensorboardX, so `32` and `32.0` are the same value.
/// Literals work directly:
///
/// ```swift
/// let hparams: [String: HParamValue] = ["optimizer": "adam", "lr": 0.001, "batch": 32, "augment": true]
/// ```
public enum HParamValue: Sendable, Hashable {
    /// A string, such as an optimizer's name.
    case string(String)
    /// A number. Stored as a 64-bit float, so integers beyond 2^53 lose precision.
    case number(Double)
    /// A Boolean flag.
    case bool(Bool)

    /// The string, when the value is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, when the value is one.
    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The Boolean, when the value is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

extension HParamValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension HParamValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}

extension HParamValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}

extension HParamValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension HParamValue: CustomStringConvertible {
    /// The value as TensorBoard's table shows it: strings as they are, whole numbers without a
    /// fraction (`32`, not `32.0`), `true` and `false`.
    public var description: String {
        switch self {
        case .string(let value):
            return value
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                return String(Int64(value))
            }
            return String(value)
        case .bool(let value):
            return value ? "true" : "false"
        }
    }
}
