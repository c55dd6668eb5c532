import BourgCore
import Foundation

/// DGFiP DVF: median sale price per m² of houses and apartments over 12 months.
struct DVFImporter: SourceImporter {
    static let sourceID = "dvf-prix-m2"
    static let fileName = "dvf_prix_m2_communes_12mois.csv"
    let source = SourceDescription(
        id: DVFImporter.sourceID, citation: "DGFiP, DVF 2024",
        title: "Demandes de valeurs foncières (DVF) : prix médian au m² par commune sur 12 mois",
        producer: "DGFiP (DVF géolocalisées, Etalab)",
        vintage: "août 2024 – août 2025 (ventes d'août à décembre 2024 en pratique)",
        licence: "Licence Ouverte / Etalab 2.0",
        officialURL: "https://files.data.gouv.fr/geo-dvf/latest/csv/")

    /// Below this number of sales, the median is too fragile and is left missing.
    static let minimumSales = 10.0

    static let kinds: [(id: String, price: String, sales: String, label: String)] = [
        ("prix_m2_maison", "prix_m2_median_maison", "nb_ventes_maison", "Prix médian des maisons"),
        ("prix_m2_appartement", "prix_m2_median_appartement", "nb_ventes_appartement", "Prix médian des appartements"),
    ]

    var indicators: [IndicatorDefinition] {
        Self.kinds.map { kind in
            IndicatorDefinition(
                id: kind.id, label: kind.label, unit: "€/m²", dimension: .logement, direction: .lowerIsBetter,
                sources: [source.id, CarteDesLoyersImporter.sourceID], vintage: "2024–2025",
                definition: "Médiane du prix de vente au m² (valeur foncière / surface bâtie) des ventes de la commune sur 12 mois ; seulement avec au moins \(Int(Self.minimumSales)) ventes, sinon pas de donnée. \(DVFPlausibility.rule) DVF ne couvre ni l'Alsace-Moselle ni Mayotte.")
        }
    }

    func importData(from folder: SourceFolder, into draft: inout AtlasDraft) throws {
        var file = try folder.csv(Self.fileName, columns: ["code_insee"] + Self.kinds.flatMap { [$0.price, $0.sales] }, key: ["code_insee"])
        for (index, rows) in try file.rowsByCommune(column: "code_insee", in: draft) {
            guard rows.count == 1, let row = rows.first else { continue } // medians of former communes cannot be combined
            for kind in Self.kinds {
                let sales = try row.number(kind.sales, allowNegative: false) ?? 0
                let price = try row.number(kind.price, allowNegative: false)
                try draft.set(kind.id, index, sales >= Self.minimumSales ? price : nil)
            }
        }
        draft.record(file.provenance)
    }
}

/// The rule that withholds DVF medians made implausible by multi-lot sales (the whole sale value divided by
/// one lot's surface, which the source does not de-duplicate): a median far above both its département and
/// its neighbours, and that the local rents do not support. Applied once the rents are read
/// (`DerivedIndicators.compute`); a row with a withheld median is counted once as a rejected row of the DVF file.
enum DVFPlausibility {
    /// How many times the département's and the neighbours' medians a price must exceed to be suspect.
    static let maximumRatio = 3.0
    /// Neighbours: communes with a median whose town hall is within this distance…
    static let neighbourRadiusKm = 15.0
    /// …or, when fewer than this many are, this many nearest ones (same territory).
    static let minimumNeighbours = 3
    /// Price ÷ yearly advertised rent above which the rents do not support the price (a gross yield under
    /// 2.5 %; the national median is about 18 years for houses and flats).
    static let maximumYearsOfRent = 40.0

    /// The rent each price is checked against.
    static let rentOf = ["prix_m2_maison": "loyer_m2_maison", "prix_m2_appartement": "loyer_m2_appartement"]

    static let rule = "Médiane écartée (pas de donnée) quand elle est invraisemblable, signe de ventes de plusieurs lots comptées sur la surface d'un seul : plus de 3 fois la médiane des communes du département et plus de 3 fois celle des communes voisines (à moins de 15 km, ou les 3 plus proches), toutes avec au moins 10 ventes, et plus de 40 ans du loyer d'annonce de la commune (carte des loyers 2025, même type de logement), quand la médiane nationale est d'environ 18 ans."

    /// A median found implausible, with the figures that condemned it.
    struct Withheld: Sendable, Hashable {
        var indicator: String
        var commune: Int
        var price: Double
        var departementMedian: Double
        var neighbourMedian: Double
        /// Price ÷ (12 × monthly advertised rent).
        var yearsOfRent: Double
    }

    /// Whether a price is implausible against its département, its neighbours and its rent. Without a rent the
    /// price is kept: the rule never withholds on the prices alone.
    static func isImplausible(price: Double, departementMedian: Double, neighbourMedian: Double, monthlyRent: Double?) -> Bool {
        guard let monthlyRent, monthlyRent > 0 else { return false }
        return price > maximumRatio * departementMedian && price > maximumRatio * neighbourMedian
            && price / (12 * monthlyRent) > maximumYearsOfRent
    }

    /// The median of `values` (which must not be empty).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median price of a commune's neighbours among `priced` (communes with a median), itself excluded.
    static func neighbourMedian(of index: Int, among priced: [Int], prices: [Double?], in draft: AtlasDraft) -> Double? {
        let commune = draft.communes[index]
        guard let origin = commune.position else { return nil }
        let distances = priced.compactMap { other -> (km: Double, price: Double)? in
            guard other != index, draft.communes[other].territory == commune.territory,
                  let position = draft.communes[other].position, let price = prices[other] else { return nil }
            return (origin.distanceKm(to: position), price)
        }.sorted { $0.km < $1.km }
        let near = distances.prefix { $0.km <= neighbourRadiusKm }
        let chosen = near.count >= minimumNeighbours ? Array(near) : Array(distances.prefix(minimumNeighbours))
        return chosen.isEmpty ? nil : median(chosen.map(\.price))
    }

    /// The implausible medians of the draft, on the values as imported (before any is withheld).
    static func implausible(in draft: AtlasDraft) -> [Withheld] {
        var found: [Withheld] = []
        for (indicator, rentIndicator) in rentOf.sorted(by: { $0.key < $1.key }) {
            let prices = draft.column(indicator), rents = draft.column(rentIndicator)
            let priced = draft.communes.indices.filter { prices[$0] != nil }
            let byDepartement = Dictionary(grouping: priced) { draft.communes[$0].departement }
                .mapValues { median($0.compactMap { prices[$0] }) }
            for index in priced {
                let price = prices[index]!, departementMedian = byDepartement[draft.communes[index].departement]!
                guard price > maximumRatio * departementMedian,
                      let neighbours = neighbourMedian(of: index, among: priced, prices: prices, in: draft),
                      isImplausible(price: price, departementMedian: departementMedian, neighbourMedian: neighbours, monthlyRent: rents[index])
                else { continue }
                found.append(Withheld(indicator: indicator, commune: index, price: price, departementMedian: departementMedian,
                                      neighbourMedian: neighbours, yearsOfRent: price / (12 * rents[index]!)))
            }
        }
        return found
    }

    /// Withholds the implausible medians and counts their rows (once each) as rejected in the DVF file's provenance.
    @discardableResult
    static func withhold(in draft: inout AtlasDraft) -> [Withheld] {
        let found = implausible(in: draft)
        for item in found { draft.replace(item.indicator, item.commune, nil) }
        if let entry = draft.provenance.firstIndex(where: { $0.source.id == DVFImporter.sourceID && $0.fileName == DVFImporter.fileName }) {
            draft.provenance[entry].rowsRejected += Set(found.map(\.commune)).count
        }
        return found
    }
}
