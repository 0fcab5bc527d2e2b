/// Reading a tensor's elements the way TensorBoard does (`tensor_util.make_ndarray`).
///
/// - A non-empty `tensor_content` holds every element as raw little-endian bytes; its size must be
///   a whole number of elements and match the shape.
/// - Otherwise the typed field for the dtype holds them. Exactly one typed value is repeated over
///   the whole shape; any other count must match the shape.
/// - `uint32` and `uint64` are readable only from `tensor_content` (TensorBoard has no typed-field
///   branch for them), complex types only as pairs, strings only from `string_val`.
extension TensorProto {
    /// The sizes of the dimensions as `Int`s, or `nil` when one is negative.
    var shapeSizes: [Int]? {
        var sizes: [Int] = []
        for size in dimensions {
            guard size >= 0, size <= Int64(Int.max) else { return nil }
            sizes.append(Int(size))
        }
        return sizes
    }

    /// The single number of a one-element numeric tensor (any rank), as TensorBoard's scalars
    /// plugin reads it with `make_ndarray(tensor).item()`; `nil` for any other tensor.
    public var scalarValue: Double? {
        guard elementCount == 1 else { return nil }
        if !tensorContent.isEmpty {
            guard let width = dtype.byteWidth, tensorContent.count == width, dtype != .complex64, dtype != .complex128
            else { return nil }
            return tensorContent.withUnsafeBytes { Self.element(dtype, in: $0, at: 0) }
        }
        switch dtype {
        case .half, .bfloat16:
            guard halfValues.count == 1 else { return nil }
            return Self.halfToDouble(UInt16(truncatingIfNeeded: halfValues[0]), bfloat: dtype == .bfloat16)
        case .float:
            return floatValues.count == 1 ? Double(floatValues[0]) : nil
        case .double:
            return doubleValues.count == 1 ? doubleValues[0] : nil
        case .int32, .uint8, .uint16, .int16, .int8:
            return intValues.count == 1 ? Self.narrow(intValues[0], to: dtype) : nil
        case .int64:
            return int64Values.count == 1 ? Double(int64Values[0]) : nil
        case .bool:
            return boolValues.count == 1 ? (boolValues[0] ? 1 : 0) : nil
        default:
            return nil
        }
    }

    /// Every element of a real numeric tensor in row-major order, as `Double`s; `nil` for strings,
    /// complex numbers, unknown types, or storage that does not match the shape.
    public var numericElements: [Double]? {
        guard let count = elementCount else { return nil }
        if !tensorContent.isEmpty {
            guard let width = dtype.byteWidth, dtype != .complex64, dtype != .complex128,
                tensorContent.count % width == 0, tensorContent.count / width == count
            else { return nil }
            return tensorContent.withUnsafeBytes { raw in
                (0..<count).map { Self.element(dtype, in: raw, at: $0 * width) }
            }
        }
        let values: [Double]
        switch dtype {
        case .half, .bfloat16:
            values = halfValues.map { Self.halfToDouble(UInt16(truncatingIfNeeded: $0), bfloat: dtype == .bfloat16) }
        case .float:
            values = floatValues.map { Double($0) }
        case .double:
            values = doubleValues
        case .int32, .uint8, .uint16, .int16, .int8:
            values = intValues.map { Self.narrow($0, to: dtype) }
        case .int64:
            values = int64Values.map { Double($0) }
        case .bool:
            values = boolValues.map { $0 ? 1 : 0 }
        default:
            return nil
        }
        return Self.broadcast(values, to: count)
    }

    /// Every element of a string tensor in row-major order; `nil` for other types or storage that
    /// does not match the shape.
    public var stringElements: [[UInt8]]? {
        guard dtype == .string, let count = elementCount else { return nil }
        return Self.broadcast(stringValues, to: count)
    }

    /// The most elements one stored value is repeated to. A shape is a length field like any
    /// other: `[2^20, 2^20, 3]` with one `float_val` must not make the reader allocate 25 TB
    /// (TensorBoard's numpy raises `MemoryError` there); such a tensor stays a raw tensor.
    static let broadcastLimit = 1 << 22

    /// `values` when they match `count`, one value repeated `count` times (up to
    /// ``broadcastLimit``), or `nil`.
    private static func broadcast<T>(_ values: [T], to count: Int) -> [T]? {
        if values.count == 1 && count != 1 {
            return count <= broadcastLimit ? Array(repeating: values[0], count: count) : nil
        }
        return values.count == count ? values : nil
    }

    /// An `int_val` entry converted to its dtype (as numpy does), then to `Double`.
    private static func narrow(_ value: Int32, to dtype: DataType) -> Double {
        switch dtype {
        case .uint8: Double(UInt8(truncatingIfNeeded: value))
        case .uint16: Double(UInt16(truncatingIfNeeded: value))
        case .int16: Double(Int16(truncatingIfNeeded: value))
        case .int8: Double(Int8(truncatingIfNeeded: value))
        default: Double(value)
        }
    }

    /// The element of type `dtype` at byte `offset` of little-endian storage.
    private static func element(_ dtype: DataType, in raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        switch dtype {
        case .float:
            Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
        case .double:
            Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        case .int32: Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
        case .int64: Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        case .int16: Double(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
        case .int8: Double(Int8(bitPattern: raw[offset]))
        case .uint8: Double(raw[offset])
        case .uint16: Double(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
        case .uint32: Double(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        case .uint64: Double(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        case .bool: raw[offset] != 0 ? 1 : 0
        case .half, .bfloat16:
            halfToDouble(
                UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)),
                bfloat: dtype == .bfloat16)
        default: .nan
        }
    }

    /// An IEEE 754 half-precision or a bfloat16 bit pattern as a `Double`.
    static func halfToDouble(_ bits: UInt16, bfloat: Bool) -> Double {
        if bfloat { return Double(Float(bitPattern: UInt32(bits) << 16)) }
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int(bits >> 10) & 0x1F
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 0x1F: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
