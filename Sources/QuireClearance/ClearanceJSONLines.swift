import Foundation
import QuireCore

/// The machine interface of `quire clearance evaluate`: one JSON case per input line (see
/// ``ClearanceCase``), one JSON result per output line:
///
/// ```json
/// {"id":"x","targets":{"commons":{"assumptions":[],"free_from":null,"reasons":["…"],"templates":["PD-US-expired","PD-old-80"],"verdict":"free"},…}}
/// ```
///
/// Keys are sorted, so output is byte-for-byte stable; `free_from` is `YYYY-MM-DD` or null.
/// The CLI is a loop over lines calling ``evaluate(line:lineNumber:asOf:engine:)``; nothing here
/// prints or reads the clock.
public enum ClearanceJSONLines {
    /// Evaluates one input line: the output line (without a newline), or an error naming the line
    /// number and the field.
    public static func evaluate(
        line: String, lineNumber: Int, asOf: CalendarDate, engine: ClearanceEngine = ClearanceEngine()
    ) -> Result<String, ClearanceError> {
        decode(line: line, lineNumber: lineNumber).flatMap { clearanceCase in
            encode(id: clearanceCase.id, evaluation: engine.evaluate(clearanceCase.facts, asOf: asOf), lineNumber: lineNumber)
        }
    }

    /// Decodes one input line into a case, or an error naming the line number and the field.
    public static func decode(line: String, lineNumber: Int) -> Result<ClearanceCase, ClearanceError> {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            return .failure(ClearanceError(
                .invalidInput, "line \(lineNumber) is empty", remedy: "give one JSON object per line", line: lineNumber))
        }
        do {
            return .success(try JSONDecoder().decode(ClearanceCase.self, from: Data(trimmed.utf8)))
        } catch let error as ClearanceCase.FieldError {
            return .failure(fieldError(lineNumber, error.path, error.message))
        } catch let error as DecodingError {
            return .failure(decodingError(lineNumber, error))
        } catch {
            return .failure(ClearanceError(
                .invalidInput, "line \(lineNumber) cannot be read", remedy: "give one JSON object per line", line: lineNumber))
        }
    }

    /// Encodes one evaluation as an output line with sorted keys.
    public static func encode(id: String, evaluation: ClearanceEvaluation, lineNumber: Int? = nil) -> Result<String, ClearanceError> {
        var targets: [String: TargetOutput] = [:]
        for (target, verdict) in evaluation.targets {
            targets[target.rawValue] = TargetOutput(verdict: verdict)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Output(id: id, targets: targets)), let text = String(data: data, encoding: .utf8) else {
            return .failure(ClearanceError(
                .internalError, "the result of case '\(id)' could not be encoded", remedy: "report this as a bug", line: lineNumber))
        }
        return .success(text)
    }

    private struct Output: Encodable {
        var id: String
        var targets: [String: TargetOutput]
    }

    private struct TargetOutput: Encodable {
        var verdict: TargetVerdict

        enum CodingKeys: String, CodingKey {
            case verdict, templates, reasons, assumptions
            case freeFrom = "free_from"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(verdict.verdict.rawValue, forKey: .verdict)
            if let freeFrom = verdict.freeFrom {
                try container.encode(freeFrom.description, forKey: .freeFrom)
            } else {
                try container.encodeNil(forKey: .freeFrom)
            }
            try container.encode(verdict.templates, forKey: .templates)
            try container.encode(verdict.reasons, forKey: .reasons)
            try container.encode(verdict.assumptions, forKey: .assumptions)
        }
    }

    private static func fieldError(_ line: Int, _ field: String, _ message: String) -> ClearanceError {
        ClearanceError(
            .invalidInput, "line \(line), field '\(field)': \(message)",
            remedy: "fix the field (see `quire clearance evaluate --help` for the input format) and run again",
            line: line, field: field)
    }

    private static func decodingError(_ line: Int, _ error: DecodingError) -> ClearanceError {
        switch error {
        case .typeMismatch(let type, let context):
            let field = ClearanceCase.path(context.codingPath)
            if field.isEmpty {
                return ClearanceError(.invalidInput, "line \(line) is not a JSON object", remedy: "give one JSON object per line", line: line)
            }
            return fieldError(line, field, "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return fieldError(line, ClearanceCase.path(context.codingPath), "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return fieldError(line, ClearanceCase.path(context.codingPath + [key]), "missing")
        case .dataCorrupted(let context):
            let field = ClearanceCase.path(context.codingPath)
            if field.isEmpty {
                return ClearanceError(.invalidInput, "line \(line) is not valid JSON", remedy: "give one JSON object per line", line: line)
            }
            return fieldError(line, field, context.debugDescription)
        @unknown default:
            return ClearanceError(.invalidInput, "line \(line) cannot be read", remedy: "give one JSON object per line", line: line)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number (a year)"
        case is Bool.Type: "true, false or null"
        case is String.Type: "a string"
        default: "a value of type \(type)"
        }
    }
}
