#!/usr/bin/env python3
"""Generate the SYNTHETIC surveys on which Bourg's survey statistics are compared with R's `survey` package.

SYNTHETIC, NO ONE'S REAL ANSWERS. Every row is drawn at random by this script (Python 3 standard library only,
fixed seeds, so the files are the same on every run). Tests/R/survey-reference.R computes the reference values on
them with R's `survey` package and writes Tests/BourgDataTests/Fixtures/survey-r/reference.json, which the Swift
tests (SurveyReferenceTests) read: CI needs no R.

Two surveys, in Tests/BourgDataTests/Fixtures/survey-r/:
- `sans-poids/`: 640 respondents without design weights, deliberately unbalanced against its margins (sexe,
  age, taille) so that raking corrects a lot; crossed by age and taille.
- `avec-poids/`: 520 respondents with design weights (a sample stratified by region with unequal rates, the
  weights varying a little within a region), raked on sexe, age and region; crossed by age and region.
Each has a single-answer opinion question with positive answers and about 3 % non-response, a multiple-answer
question (3 items at most) with an exclusive "Aucun" and about 5 % non-response, a single-answer follow-up asked
only of respondents with a negative opinion (fewer than 30 answers: an estimate on a small base), and a second
single-answer question.

Usage: python3 scripts/make-survey-reference-fixtures.py
"""
import csv
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "Tests" / "BourgDataTests" / "Fixtures" / "survey-r"

SEXE = [("F", "Femme"), ("H", "Homme")]
AGE = [("18-29", "18–29 ans"), ("30-44", "30–44 ans"), ("45-64", "45–64 ans"), ("65+", "65 ans et plus")]
TAILLE = [("rural", "Commune rurale"), ("petite", "2 000 à 20 000 hab."), ("moyenne", "20 000 à 100 000 hab."),
          ("grande", "Plus de 100 000 hab.")]
REGION = [("N", "Nord"), ("S", "Sud"), ("E", "Est"), ("O", "Ouest")]

QUESTIONS = [
    {"id": "opinion", "text": "Quelle image avez-vous des petites villes ?", "type": "single",
     "positiveStatement": "ont une image positive des petites villes",
     "answers": [{"code": "1", "label": "Très positive", "positive": True},
                 {"code": "2", "label": "Plutôt positive", "positive": True},
                 {"code": "3", "label": "Plutôt négative"},
                 {"code": "4", "label": "Très négative"},
                 {"code": "9", "label": "Ne se prononce pas"}]},
    {"id": "atouts", "text": "Quels sont leurs principaux atouts ?", "type": "multiple", "maxAnswers": 3,
     "answers": [{"code": "1", "label": "La nature", "dimension": "nature"},
                 {"code": "2", "label": "Le calme"},
                 {"code": "3", "label": "Le logement", "dimension": "logement"},
                 {"code": "4", "label": "Les commerces", "dimension": "commerce"},
                 {"code": "5", "label": "La santé", "dimension": "sante"},
                 {"code": "6", "label": "Les voisins", "dimension": "vie_sociale"},
                 {"code": "0", "label": "Aucun", "exclusive": True}]},
    {"id": "raison", "text": "(Image négative) Pour quelle raison surtout ?", "type": "single",
     "answers": [{"code": "a", "label": "L'isolement"}, {"code": "b", "label": "Le manque d'emplois"},
                 {"code": "c", "label": "Le manque de services"}]},
    {"id": "demenager", "text": "Envisagez-vous de vous installer dans une petite ville ?", "type": "single",
     "positiveStatement": "envisagent de s'installer dans une petite ville",
     "answers": [{"code": "o", "label": "Oui", "positive": True}, {"code": "n", "label": "Non"},
                 {"code": "ns", "label": "Ne sait pas"}]},
]


def pick(rng, pairs):
    """A key of `pairs` (a dict key → weight), drawn with probability proportional to its weight."""
    return rng.choices(list(pairs), weights=list(pairs.values()))[0]


def respondent(rng, profile):
    """One respondent's answers, drawn with propensities that depend on age and home town size."""
    age, taille = profile["age"], profile.get("taille", "petite")
    young = age in ("18-29", "30-44")
    positive = {"rural": 0.9, "petite": 0.86, "moyenne": 0.8, "grande": 0.72}[taille] - (0.08 if age == "18-29" else 0)
    draw = rng.random()
    if draw < 0.03:
        opinion = ""
    elif draw < 0.06:
        opinion = "9"
    elif rng.random() < positive:
        opinion = "1" if rng.random() < (0.45 if age == "65+" else 0.3) else "2"
    else:
        opinion = "3" if rng.random() < 0.7 else "4"
    # The follow-up is asked of negative opinions only, and some of them skip it.
    raison = ""
    if opinion in ("3", "4") and rng.random() < 0.3:
        raison = pick(rng, {"a": 1.0, "b": 1.6 if young else 0.8, "c": 1.2})
    if rng.random() < 0.05:
        atouts = ""
    elif rng.random() < 0.04:
        atouts = "0"
    else:
        pool = {"1": 5.0, "2": 3.5 if not young else 2.0, "3": 1.5 + (2.0 if young else 0),
                "4": 1.8, "5": 1.0 + (1.5 if age == "65+" else 0), "6": 1.2}
        count = rng.choices([1, 2, 3], weights=[0.25, 0.35, 0.4])[0]
        chosen = []
        for _ in range(count):
            item = pick(rng, pool)
            chosen.append(item)
            del pool[item]
        atouts = ";".join(sorted(chosen))
    if rng.random() < 0.02:
        demenager = ""
    else:
        oui = 0.25 + (0.15 if young else 0) + (0.1 if taille == "grande" else 0)
        demenager = pick(rng, {"o": oui, "n": 0.85 - oui, "ns": 0.15})
    return {"opinion": opinion, "atouts": atouts, "raison": raison, "demenager": demenager}


def write(folder, questionnaire, rows, margins):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "questionnaire.json").write_text(json.dumps(questionnaire, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with (folder / "answers.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "margins.csv").open("w", newline="", encoding="utf-8") as file:
        file.write("variable,category,share\n")
        for variable, shares in margins.items():
            for category, share in shares.items():
                file.write(f"{variable},{category},{share}\n")


def profile_variable(id, label, categories):
    return {"id": id, "label": label, "categories": [{"code": code, "label": text} for code, text in categories]}


def unweighted():
    """640 respondents, no design weights, too few young, men and big-town residents."""
    rng = random.Random(1515)
    rows = []
    for number in range(1, 641):
        profile = {"sexe": pick(rng, {"F": 0.6, "H": 0.4}),
                   "age": pick(rng, {"18-29": 0.1, "30-44": 0.2, "45-64": 0.35, "65+": 0.35}),
                   "taille": pick(rng, {"rural": 0.35, "petite": 0.3, "moyenne": 0.17, "grande": 0.18})}
        rows.append({"id": f"A{number:04d}", **profile, **respondent(rng, profile)})
    questionnaire = {
        "title": "Enquête de référence sans poids de sondage (SYNTHÉTIQUE)",
        "population": "échantillon synthétique de 640 répondants",
        "profile": [profile_variable("sexe", "Sexe", SEXE), profile_variable("age", "Âge", AGE),
                    profile_variable("taille", "Taille de la commune", TAILLE)],
        "questions": QUESTIONS, "crossBy": ["age", "taille"]}
    margins = {"sexe": {"F": 0.52, "H": 0.48},
               "age": {"18-29": 0.18, "30-44": 0.24, "45-64": 0.32, "65+": 0.26},
               "taille": {"rural": 0.22, "petite": 0.24, "moyenne": 0.2, "grande": 0.34}}
    write(OUT / "sans-poids", questionnaire, rows, margins)


def weighted():
    """520 respondents sampled by region at unequal rates (design weights), then raked on sexe, age, region."""
    rng = random.Random(2015)
    base = {"N": 0.7, "S": 1.6, "E": 1.1, "O": 0.8}
    rows = []
    for number in range(1, 521):
        profile = {"sexe": pick(rng, {"F": 0.57, "H": 0.43}),
                   "age": pick(rng, {"18-29": 0.12, "30-44": 0.22, "45-64": 0.33, "65+": 0.33}),
                   "region": pick(rng, {"N": 0.34, "S": 0.16, "E": 0.22, "O": 0.28}),
                   "taille": pick(rng, {"rural": 0.3, "petite": 0.3, "moyenne": 0.2, "grande": 0.2})}
        weight = round(base[profile["region"]] * rng.uniform(0.8, 1.25), 4)
        rows.append({"id": f"B{number:04d}", **profile, "poids": weight, **respondent(rng, profile)})
    questionnaire = {
        "title": "Enquête de référence avec poids de sondage (SYNTHÉTIQUE)",
        "population": "échantillon synthétique de 520 répondants",
        "profile": [profile_variable("sexe", "Sexe", SEXE), profile_variable("age", "Âge", AGE),
                    profile_variable("region", "Région", REGION), profile_variable("taille", "Taille de la commune", TAILLE)],
        "questions": QUESTIONS, "crossBy": ["age", "region"], "weightColumn": "poids"}
    margins = {"sexe": {"F": 0.52, "H": 0.48},
               "age": {"18-29": 0.17, "30-44": 0.25, "45-64": 0.32, "65+": 0.26},
               "region": {"N": 0.27, "S": 0.28, "E": 0.23, "O": 0.22}}
    write(OUT / "avec-poids", questionnaire, rows, margins)


if __name__ == "__main__":
    unweighted()
    weighted()
    print(f"SYNTHETIC reference surveys written to {OUT}")
