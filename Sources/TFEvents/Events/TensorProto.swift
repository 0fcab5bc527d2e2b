/// A tensor as TensorFlow serializes it: `tensorboard.TensorProto`, the form every TensorFlow 2
/// summary value takes.
///
/// Numeric elements live either in raw little-endian bytes in row-major order (`tensor_content`,
/// as TensorFlow writes them) or in the typed field for the ``dtype`` (as tensorboardX writes
/// them); strings always live in `string_val`, one entry per element. ``numericElements``,
/// ``stringElements`` and ``scalarValue`` read either form as TensorBoard does.
public struct TensorProto: Sendable, Hashable {
    /// The element type.
    public var dtype: DataType
    /// The shape; `nil` (absent) and an empty shape both mean rank 0.
    var shape: TensorShapeProto?
    /// TensorFlow's internal version number, normally 0.
    var versionNumber: Int32
    /// Raw little-endian elements in row-major order.
    var tensorContent: [UInt8]
    /// `half_val`: float16 and bfloat16 bit patterns, one per `Int32`.
    var halfValues: [Int32]
    /// `float_val`.
    var floatValues: [Float]
    /// `double_val`.
    var doubleValues: [Double]
    /// `int_val`: int32, and int8, int16, uint8 and uint16 widened.
    var intValues: [Int32]
    /// `string_val`: one byte string per element.
    var stringValues: [[UInt8]]
    /// `scomplex_val`: real and imaginary parts interleaved.
    var scomplexValues: [Float]
    /// `int64_val`.
    var int64Values: [Int64]
    /// `bool_val`.
    var boolValues: [Bool]
    /// `dcomplex_val`: real and imaginary parts interleaved.
    var dcomplexValues: [Double]
    /// `uint32_val`.
    var uint32Values: [UInt32]
    /// `uint64_val`.
    var uint64Values: [UInt64]
    /// `float8_val`: one byte per element.
    var float8Values: [UInt8]

    /// Creates a tensor; every storage field defaults to empty.
    init(
        dtype: DataType, shape: TensorShapeProto? = TensorShapeProto(), versionNumber: Int32 = 0,
        tensorContent: [UInt8] = [], halfValues: [Int32] = [], floatValues: [Float] = [],
        doubleValues: [Double] = [], intValues: [Int32] = [], stringValues: [[UInt8]] = [],
        scomplexValues: [Float] = [], int64Values: [Int64] = [], boolValues: [Bool] = [],
        dcomplexValues: [Double] = [], uint32Values: [UInt32] = [], uint64Values: [UInt64] = [],
        float8Values: [UInt8] = []
    ) {
        self.dtype = dtype
        self.shape = shape
        self.versionNumber = versionNumber
        self.tensorContent = tensorContent
        self.halfValues = halfValues
        self.floatValues = floatValues
        self.doubleValues = doubleValues
        self.intValues = intValues
        self.stringValues = stringValues
        self.scomplexValues = scomplexValues
        self.int64Values = int64Values
        self.boolValues = boolValues
        self.dcomplexValues = dcomplexValues
        self.uint32Values = uint32Values
        self.uint64Values = uint64Values
        self.float8Values = float8Values
    }

    /// A tensor of `dtype` with `shape` whose elements are `bytes`: raw little-endian values in
    /// row-major order, as TensorFlow writes them (`tensor_content`).
    public init(dtype: DataType, shape: [Int64], bytes: [UInt8]) {
        self.init(dtype: dtype, shape: TensorShapeProto(shape), tensorContent: bytes)
    }

    /// A DT_FLOAT tensor of `values` with `shape` (default: one dimension, or rank 0 for a single value).
    public init(floats values: [Float], shape: [Int64]? = nil) {
        self.init(
            dtype: .float, shape: TensorShapeProto(shape ?? Self.defaultShape(values.count)),
            tensorContent: values.flatMap { Self.littleEndianBytes($0.bitPattern) })
    }

    /// A DT_DOUBLE tensor of `values` with `shape` (default: one dimension, or rank 0 for a single value).
    public init(doubles values: [Double], shape: [Int64]? = nil) {
        self.init(
            dtype: .double, shape: TensorShapeProto(shape ?? Self.defaultShape(values.count)),
            tensorContent: values.flatMap { Self.littleEndianBytes($0.bitPattern) })
    }

    /// A DT_STRING tensor of `values` with `shape` (default: one dimension, or rank 0 for a single value).
    public init(strings values: [[UInt8]], shape: [Int64]? = nil) {
        self.init(dtype: .string, shape: TensorShapeProto(shape ?? Self.defaultShape(values.count)), stringValues: values)
    }

    private static func defaultShape(_ count: Int) -> [Int64] {
        count == 1 ? [] : [Int64(count)]
    }

    private static func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian, Array.init)
    }

    /// The dimension sizes, outermost first; empty for a scalar.
    public var dimensions: [Int64] { shape?.dimensions.map(\.size) ?? [] }

    /// The number of elements the shape describes (1 for a scalar), or `nil` when a size is
    /// negative (unknown) or the product overflows.
    public var elementCount: Int? {
        var count = 1
        for size in dimensions {
            guard size >= 0, size <= Int64(Int.max) else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: Int(size))
            if overflow { return nil }
            count = product
        }
        return count
    }
}

/// A tensor's shape: `tensorboard.TensorShapeProto`.
struct TensorShapeProto: Sendable, Hashable {
    /// The dimensions, outermost first; none for a scalar.
    var dimensions: [Dimension]
    /// Set when even the rank is unknown.
    var unknownRank: Bool

    /// Creates a shape from dimensions.
    init(dimensions: [Dimension] = [], unknownRank: Bool = false) {
        self.dimensions = dimensions
        self.unknownRank = unknownRank
    }

    /// Creates a shape from dimension sizes.
    init(_ sizes: [Int64]) {
        self.init(dimensions: sizes.map { Dimension(size: $0) })
    }

    /// One dimension.
    struct Dimension: Sendable, Hashable {
        /// The size; -1 means unknown.
        var size: Int64
        /// An optional name.
        var name: String

        /// Creates a dimension.
        init(size: Int64, name: String = "") {
            self.size = size
            self.name = name
        }
    }
}

/// A tensor element type: `tensorboard.DataType`. Values not listed here are kept as they are.
public struct DataType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Not set.
    public static let invalid = DataType(rawValue: 0)
    /// 32-bit float.
    public static let float = DataType(rawValue: 1)
    /// 64-bit float.
    public static let double = DataType(rawValue: 2)
    /// 32-bit signed integer.
    public static let int32 = DataType(rawValue: 3)
    /// 8-bit unsigned integer.
    public static let uint8 = DataType(rawValue: 4)
    /// 16-bit signed integer.
    public static let int16 = DataType(rawValue: 5)
    /// 8-bit signed integer.
    public static let int8 = DataType(rawValue: 6)
    /// Byte string.
    public static let string = DataType(rawValue: 7)
    /// Two 32-bit floats.
    public static let complex64 = DataType(rawValue: 8)
    /// 64-bit signed integer.
    public static let int64 = DataType(rawValue: 9)
    /// Boolean.
    public static let bool = DataType(rawValue: 10)
    /// bfloat16.
    public static let bfloat16 = DataType(rawValue: 14)
    /// 16-bit unsigned integer.
    public static let uint16 = DataType(rawValue: 17)
    /// Two 64-bit floats.
    public static let complex128 = DataType(rawValue: 18)
    /// IEEE 754 half precision.
    public static let half = DataType(rawValue: 19)
    /// 32-bit unsigned integer.
    public static let uint32 = DataType(rawValue: 22)
    /// 64-bit unsigned integer.
    public static let uint64 = DataType(rawValue: 23)

    private static let names: [Int32: String] = [
        0: "DT_INVALID", 1: "DT_FLOAT", 2: "DT_DOUBLE", 3: "DT_INT32", 4: "DT_UINT8", 5: "DT_INT16",
        6: "DT_INT8", 7: "DT_STRING", 8: "DT_COMPLEX64", 9: "DT_INT64", 10: "DT_BOOL", 14: "DT_BFLOAT16",
        17: "DT_UINT16", 18: "DT_COMPLEX128", 19: "DT_HALF", 22: "DT_UINT32", 23: "DT_UINT64",
    ]

    /// TensorFlow's name for the type, such as `DT_FLOAT`.
    public var description: String { Self.names[rawValue] ?? "DT_\(rawValue)" }

    /// The size in bytes of one element in `tensor_content`, or `nil` for strings and unknown types.
    public var byteWidth: Int? {
        switch self {
        case .float, .int32, .uint32: 4
        case .double, .int64, .uint64, .complex64: 8
        case .int16, .uint16, .half, .bfloat16: 2
        case .int8, .uint8, .bool: 1
        case .complex128: 16
        default: nil
        }
    }
}
