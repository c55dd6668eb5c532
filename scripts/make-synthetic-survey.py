#!/usr/bin/env python3
"""Generate examples/survey/reponses-synthetiques.csv: a SYNTHETIC perception survey.

SYNTHETIC, NO ONE'S REAL ANSWERS. Every row is drawn at random by this script (Python 3 standard library
only, fixed seed 2021, so the file is the same on every run). It exists to exercise `bourg survey` — the
README example and the tests — with the questionnaire examples/survey/questionnaire-barometre.json.

How the rows are drawn:
- 1,000 respondents. The sample is deliberately unbalanced against examples/survey/margins-france.csv
  (too many women, too many people over 50, too many rural residents, too few Parisians), as an online
  panel without quotas might be, so that raking has something to correct.
- Opinion of small towns: positive with a probability that falls with the size of the home town
  (95 % rural … 86 % Paris area), about 2 % "ne se prononce pas".
- Assets and barriers: 1 to 3 items each (about 2 % "aucun"), drawn without replacement with fixed
  propensities loosely ordered like the 2021 barometer (nature first among assets, getting around first among
  barriers), shifted by age (the young cite housing, jobs and culture more; the over-65s health and safety).
- Telework: positive for about 82 %, a little more among the young; about 1 % leave it blank.
The figures that come out are therefore NOT survey results: they only echo the shape of the barometer.

Usage: python3 scripts/make-synthetic-survey.py [output.csv]
"""
import csv
import random
import sys
from pathlib import Path

SEED = 2021
RESPONDENTS = 1000
OUT = Path(__file__).resolve().parent.parent / "examples" / "survey" / "reponses-synthetiques.csv"

# Sample composition (not the population: see margins-france.csv for the illustrative population shares).
SEXE = {"F": 0.56, "H": 0.44}
AGE = {"18-24": 0.06, "25-34": 0.12, "35-49": 0.23, "50-64": 0.29, "65+": 0.30}
REGION = {"ARA": 0.125, "BFC": 0.05, "BRE": 0.06, "CVL": 0.045, "COR": 0.006, "GES": 0.085, "HDF": 0.085,
          "IDF": 0.15, "NOR": 0.055, "NAQ": 0.10, "OCC": 0.10, "PDL": 0.06, "PAC": 0.079}
# Size of home town by region: the Paris area only in Île-de-France.
TAILLE_IDF = {"paris": 0.88, "100k+": 0.0, "20k-100k": 0.04, "2k-20k": 0.04, "rural": 0.04}
TAILLE_OTHER = {"rural": 0.31, "2k-20k": 0.22, "20k-100k": 0.14, "100k+": 0.33}

OPINION_POSITIVE = {"rural": 0.95, "2k-20k": 0.95, "20k-100k": 0.92, "100k+": 0.90, "paris": 0.86}

ATOUTS = {"1": 6.5, "2": 3.2, "3": 2.4, "4": 2.2, "5": 1.5, "6": 0.8, "7": 0.9, "8": 2.5}
FREINS = {"1": 3.6, "2": 3.0, "3": 2.0, "4": 1.7, "5": 2.2, "6": 1.2, "7": 1.5}
# Multipliers of the propensities by age band.
ATOUTS_AGE = {"18-24": {"3": 1.8, "6": 1.6, "4": 0.7}, "25-34": {"3": 1.6}, "65+": {"4": 1.6, "3": 0.6}}
FREINS_AGE = {"18-24": {"5": 1.9, "4": 1.8, "2": 0.6}, "25-34": {"5": 1.5, "6": 1.3}, "65+": {"2": 1.7, "5": 0.5}}
TELETRAVAIL_POSITIVE = {"18-24": 0.88, "25-34": 0.87, "35-49": 0.84, "50-64": 0.80, "65+": 0.78}


def pick(rng, shares):
    """One key of `shares`, with probability proportional to its value."""
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def cite(rng, propensities, shifts):
    """1 to 3 distinct items (or '0', none), drawn without replacement, as '1;4;7'."""
    if rng.random() < 0.02:
        return "0"
    count = rng.choices([1, 2, 3], weights=[0.18, 0.30, 0.52])[0]
    pool = {item: weight * shifts.get(item, 1.0) for item, weight in propensities.items()}
    chosen = []
    for _ in range(count):
        item = pick(rng, pool)
        chosen.append(item)
        del pool[item]
    return ";".join(sorted(chosen, key=int))


def opinion(rng, positive):
    """A code of the 'opinion' or 'teletravail' scale: 1–2 positive, 3–4 negative, 9 no opinion."""
    draw = rng.random()
    if draw < 0.02:
        return "9"
    if rng.random() < positive:
        return "1" if rng.random() < 0.36 else "2"
    return "3" if rng.random() < 0.78 else "4"


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    rng = random.Random(SEED)
    rows = []
    for number in range(1, RESPONDENTS + 1):
        sexe = pick(rng, SEXE)
        age = pick(rng, AGE)
        region = pick(rng, REGION)
        taille = pick(rng, TAILLE_IDF if region == "IDF" else TAILLE_OTHER)
        teletravail = "" if rng.random() < 0.01 else opinion(rng, TELETRAVAIL_POSITIVE[age])
        rows.append({
            "repondant": f"S{number:04d}",
            "sexe": sexe,
            "age": age,
            "region": region,
            "taille_commune": taille,
            "opinion": opinion(rng, OPINION_POSITIVE[taille]),
            "atouts": cite(rng, ATOUTS, ATOUTS_AGE.get(age, {})),
            "freins": cite(rng, FREINS, FREINS_AGE.get(age, {})),
            "teletravail": teletravail,
        })
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} synthetic respondents written to {out}")


if __name__ == "__main__":
    main()
