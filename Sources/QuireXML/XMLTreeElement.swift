import Foundation

/// An element of a parsed document, as the readers walk it.
///
/// It holds its document, so the libxml2 node it points to stays alive as long as the element
/// does; every access goes through ``LibXMLCalls``. Internal: no C pointer leaves the module.
struct XMLTreeElement {
    /// The `xmlNodePtr`, opaque.
    private let node: OpaquePointer
    /// The owner of the tree.
    let document: SafeXMLDocument
    /// The local name (no prefix).
    let name: String

    init(node: OpaquePointer, document: SafeXMLDocument) {
        self.node = node
        self.document = document
        self.name = LibXMLCalls.localName(of: node)
    }

    /// The namespace URI, if any.
    var namespace: String? { LibXMLCalls.namespace(of: node) }

    /// The element children in document order.
    var children: [XMLTreeElement] {
        LibXMLCalls.elementChildren(of: node).map { XMLTreeElement(node: $0, document: document) }
    }

    /// An attribute without namespace.
    func attribute(_ attributeName: String) -> String? { LibXMLCalls.attribute(attributeName, of: node) }

    /// All the text inside, concatenated.
    var text: String { LibXMLCalls.textContent(of: node) }

    /// The line of the start tag, for messages.
    var line: Int { LibXMLCalls.lineNumber(of: node) }

    /// The first child with this local name.
    func child(_ childName: String) -> XMLTreeElement? { children.first { $0.name == childName } }

    /// The children with this local name.
    func children(_ childName: String) -> [XMLTreeElement] { children.filter { $0.name == childName } }

    /// Every descendant in document order (depth first), not including `self`.
    var descendants: [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        var stack = children.reversed() as [XMLTreeElement]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: next.children.reversed())
        }
        return result
    }

    /// The descendants with this local name, in document order.
    func descendants(_ descendantName: String) -> [XMLTreeElement] { descendants.filter { $0.name == descendantName } }

    /// An attribute parsed as a number (integers or decimals, as producers write both).
    func number(_ attributeName: String) -> Double? {
        attribute(attributeName).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }
}

extension SafeXMLDocument {
    /// The root element, when there is one.
    var rootElement: XMLTreeElement? {
        withDocumentPointer { LibXMLCalls.rootElement(of: $0) }.map { XMLTreeElement(node: $0, document: self) }
    }
}
