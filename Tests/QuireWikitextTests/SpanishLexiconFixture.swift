import QuireWikitext

/// A small Spanish word list for the bundled sample's hyphenation.
///
/// Provenance: the subset of Tesseract's Spanish dictionary (Debian `tesseract-ocr-spa` 4.1.0,
/// `spa.traineddata`: `combine_tessdata -u`, then `dawg2wordlist spa.lstm-unicharset
/// spa.lstm-word-dawg`) made of the words of `Corpora/discurso-sample/gt/*.gt.txt`, the halves
/// of their inner and line-end hyphens and the joined forms of the line-end splits, kept only
/// where the dictionary has them. So `franco` and `chilena` are here but not `francochilena`,
/// `encuentro` but not `cuentro`. ``LexiconProvenanceTests`` checks it against the dictionary
/// when Tesseract's tools and data are installed.
enum SpanishLexiconFixture {
    static let words = """
        a acuesta adelanto agregar agricultura agua ahora al algo alguien alguno almacén altura aludía
        alumbra alumnos amigo amigos andar anselmo apenas apicultura aprendió aprovechar aque aquellos
        aquí arado así atlas atrevieron aun aunque año años basta bi biblioteca bien bodega bolsillo
        bondad bravo cabo caer caja caminos canas cansancio capataz cartillas casa casas cedió cerrará
        chile chilena cia cincuenta ciudad ciudadanos colección comité como con conciencia confieso
        conocemos conocimiento contabilidad cooperativa cosecha costumbre costurera cuando cueste cura
        curso cuya cuánto cuántos daremos de decían dejamos dejéis del delante dentro dera derecho desa
        desde desee despacio diaria diccionarios dicho dinero dirigirme discurso distinguir distinto don
        dos dres durante día el eleuterio ello elvira embargo empieza en encender enciende
        encuadernación encuentro entera entra entrará entre entreguen envió envolver es esa escuela eso
        espera espíritu esta estantes estaremos estará este estoy estáis están expresiones familia
        ferrocarriles fin fo formaron francia franco fundo gallinas gasten gastón gente gerente
        gratuitas grite guste ha hace hasta he hemos herramienta herrero hicieron higiene hijo historia
        hombres hora hoy hoz ignorancia ilustres imprenta inauguración inaugurada independencia
        indispensable infancia inquilino invierno jamás jueves jóvenes la largas las le lecciones
        lectura lee leed leer les levantará libro libros llevamos llos lo los lujo luz lámpara lámparas
        lástima ma maestros mano manos manuales martes mayores medio mejor mente mentira mesa mesas
        meses mis misma mismo mismos modesta modesto muchas mujeres más nadie necesaria ni niño no
        nombrar nos nota nuestra nuestro nunca o obra octubre ofende once orador organizaron os otras
        otros pa paciente padres palabra papel para pasado paso patria patrón penséis pequeño pero
        petróleo pido piensen poblete pocas popular por posible preceptor pregunta prestado prestó
        primero pronunciado propia provincia práctico próxima pueblo puentes puerta pues puñado párroco
        que queda quedarse queridos quien quienes quiero quisiera quién qué re recién recreo recuerde
        reprocha reunido reunimos reírse rifas robe roble rosa sabe sabrá sala salinas se sea seguro
        sencillamente sepan servir seáis señor señoras señores señorita si significado silencioso silla
        sin sirvió sobre sol sola solamente sonrisa sonrió soñadores soñar soñaron su sucede superior
        surcos sus sí talca también tan tanto tarde tas tendrán tenéis teórico teórico-práctico tiene
        tierra toca toda todo todos tomar trabajo trastienda tratados tribuna trigo un una uno urrutia
        usar va veces vecino vecinos vela vendimia vengan venimos ver verda verdad verdadera vida viejo
        viticultura vive vo volvamos volúmenes vosotros voto vuestras vuestros y ya yo
        """

    static var lexicon: Lexicon { Lexicon(words: words.split(whereSeparator: \.isWhitespace).map(String.init)) }

    /// Words of the sample that the dictionary lacks, which the rule relies on being unknown.
    static let absent = ["francochilena", "cuentro", "tima", "sotros", "rrero", "cién", "nimarse", "rraron", "silen", "cioso", "nuales", "xima", "güenza", "bliotecaria", "gratui", "concien"]
}
