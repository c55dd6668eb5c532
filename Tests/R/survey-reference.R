# Reference values for Bourg's survey statistics, computed with R's `survey` package (Lumley) on the SYNTHETIC
# surveys of Tests/BourgDataTests/Fixtures/survey-r (made by scripts/make-survey-reference-fixtures.py).
#
#   Rscript Tests/R/survey-reference.R [out.json]
#
# writes Tests/BourgDataTests/Fixtures/survey-r/reference.json (or out.json), which the Swift tests
# (Tests/BourgDataTests/SurveyReferenceTests.swift) compare with Bourg's figures; CI does not need R.
# Needs R ≥ 4.2 with the packages survey and jsonlite (Debian: apt-get install r-base-core r-cran-survey).
#
# For each survey and weighting (none / design weights only, raking, bounded raking), the design is
# svydesign(ids = ~1, weights = design weights scaled to a mean of 1), then calibrate(calfun = "raking") on the
# margins (population totals = n × share, so the weights keep a mean of 1), with bounds = c(lo, hi) for the bounded
# raking. Each question's base (respondents who answered) is a domain: subset(design, !is.na(question)), crossed by
# a category: subset(design, !is.na(question) & variable == category). Per estimate: svymean (share, SE,
# deff = "replace"), svyciprop(method = "logit") and a Wilson interval on n / deff with qt(0.975, degf). Per test:
# svychisq(statistic = "Chisq") and svychisq(statistic = "F") on the question's base with the variable known.
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
options(survey.lonely.psu = "fail", warn = 1)

script <- if (exists("script_override")) script_override else sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
fixtures <- normalizePath(file.path(dirname(script), "..", "BourgDataTests", "Fixtures", "survey-r"))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else file.path(fixtures, "reference.json")

# The bounds of the bounded raking (multiples of the design weight scaled to a mean of 1), per survey.
BOUNDS <- list("sans-poids" = c(0.5, 3), "avec-poids" = c(0.65, 1.5))

read_survey <- function(name) {
  folder <- file.path(fixtures, name)
  q <- fromJSON(file.path(folder, "questionnaire.json"), simplifyVector = FALSE)
  d <- read.csv(file.path(folder, "answers.csv"), colClasses = "character", na.strings = "", check.names = FALSE)
  m <- read.csv(file.path(folder, "margins.csv"), colClasses = c("character", "character", "numeric"))
  for (p in q$profile) d[[p$id]] <- factor(d[[p$id]], levels = sapply(p$categories, function(c) c$code))
  n <- nrow(d)
  w <- if (is.null(q$weightColumn)) rep(1, n) else as.numeric(d[[q$weightColumn]])
  d$.w0 <- w * n / sum(w)
  list(name = name, q = q, d = d, m = m, n = n)
}

# The 0/1 indicators of every estimate, NA outside the question's base.
indicators <- function(s) {
  d <- s$d
  rows <- list()
  for (question in s$q$questions) {
    raw <- d[[question$id]]
    codes <- sapply(question$answers, function(a) a$code)
    if (question$type == "single") {
      for (code in codes) rows[[length(rows) + 1]] <- list(question = question$id, answer = code, y = ifelse(is.na(raw), NA, as.numeric(raw == code)))
      positives <- codes[sapply(question$answers, function(a) isTRUE(a$positive))]
      if (length(positives) > 0) rows[[length(rows) + 1]] <- list(question = question$id, answer = "positif", y = ifelse(is.na(raw), NA, as.numeric(raw %in% positives)))
    } else {
      cited <- strsplit(ifelse(is.na(raw), "", raw), ";", fixed = TRUE)
      for (code in codes) rows[[length(rows) + 1]] <- list(question = question$id, answer = code, y = ifelse(is.na(raw), NA, as.numeric(sapply(cited, function(x) code %in% x))))
    }
  }
  rows
}

population_totals <- function(s) {
  pop <- c("(Intercept)" = s$n)
  for (variable in unique(s$m$variable)) {
    rows <- s$m[s$m$variable == variable, ]
    shares <- setNames(rows$share / sum(rows$share), rows$category)
    for (level in levels(s$d[[variable]])[-1]) pop[paste0(variable, level)] <- s$n * shares[[level]]
  }
  pop
}

designs <- function(s) {
  base <- svydesign(ids = ~1, weights = ~.w0, data = s$d)
  formula <- as.formula(paste("~", paste(unique(s$m$variable), collapse = " + ")))
  pop <- population_totals(s)
  raked <- calibrate(base, formula, population = pop, calfun = "raking", epsilon = 1e-13, maxit = 500)
  bounded <- calibrate(base, formula, population = pop, calfun = "raking", bounds = BOUNDS[[s$name]],
                       epsilon = 1e-13, maxit = 500)
  list(none = base, raking = raked, bounded = bounded)
}

wilson <- function(p, n, crit) {
  denominator <- 1 + crit^2 / n
  centre <- (p + crit^2 / (2 * n)) / denominator
  half <- crit / denominator * sqrt(p * (1 - p) / n + crit^2 / (4 * n^2))
  c(max(0, centre - half), min(1, centre + half))
}

estimate <- function(design, y, inside) {
  design$variables$.y <- ifelse(inside, y, 0)
  domain <- subset(design, inside)
  n <- sum(inside)
  if (n == 0) return(NULL)
  m <- svymean(~.y, domain, deff = if (n > 1) "replace" else FALSE)
  share <- unname(coef(m))
  se <- unname(sqrt(vcov(m))[1, 1])
  df <- degf(domain)
  row <- list(base = n, share = share, se = se, df = df)
  if (n == 1) return(row)
  deff <- unname(attr(m, "deff")[1, 1])
  if (is.finite(deff)) row$deff <- deff
  if (share > 0 && share < 1) {
    ci <- suppressWarnings(attr(svyciprop(~.y, domain, method = "logit"), "ci"))
    # On a few calibrated domains of ≤ 10 respondents svyciprop's glm fit fails and returns (0, 0): left out.
    if (all(is.finite(ci)) && ci[1] < share && share < ci[2]) row$logit <- unname(as.numeric(ci))
    row$wilson <- wilson(share, n / deff, qt(0.975, df))
  }
  row
}

test <- function(design, rowvar, variable, inside) {
  design$variables$.r <- ifelse(inside, rowvar, NA)
  domain <- subset(design, inside)
  formula <- as.formula(paste("~ .r +", variable))
  first <- tryCatch(suppressWarnings(svychisq(formula, domain, statistic = "Chisq")), error = function(e) NULL)
  second <- tryCatch(suppressWarnings(svychisq(formula, domain, statistic = "F")), error = function(e) NULL)
  if (is.null(first) || is.null(second) || !is.finite(second$p.value)) return(NULL)
  df <- unname(first$parameter[["df"]])
  list(base = sum(inside), rows = length(unique(rowvar[inside])), columns = length(unique(design$variables[[variable]][inside])),
       N = nrow(domain$variables), pearson = unname(first$statistic), df = df,
       firstOrder = unname(second$statistic) * df, firstOrderP = first$p.value,
       F = unname(second$statistic), ndf = unname(second$parameter[["ndf"]]), ddf = unname(second$parameter[["ddf"]]),
       secondOrderP = second$p.value)
}

reference <- list(generator = "Tests/R/survey-reference.R", R = R.version.string,
                  survey = as.character(packageVersion("survey")), surveys = list())

for (name in c("sans-poids", "avec-poids")) {
  s <- read_survey(name)
  all <- designs(s)
  ys <- indicators(s)
  entry <- list(bounds = BOUNDS[[name]], weightings = list())
  for (weighting in names(all)) {
    design <- all[[weighting]]
    w <- weights(design)
    estimates <- list()
    tests <- list()
    for (item in ys) {
      answered <- !is.na(s$d[[item$question]])
      e <- estimate(design, item$y, answered)
      estimates[[length(estimates) + 1]] <- c(list(question = item$question, answer = item$answer), e)
      for (variable in s$q$crossBy) {
        for (category in levels(s$d[[variable]])) {
          inside <- answered & !is.na(s$d[[variable]]) & s$d[[variable]] == category
          e <- estimate(design, item$y, inside)
          if (!is.null(e)) estimates[[length(estimates) + 1]] <- c(list(question = item$question, answer = item$answer, by = variable, category = category), e)
        }
      }
    }
    for (question in s$q$questions) {
      answered <- !is.na(s$d[[question$id]])
      for (variable in s$q$crossBy) {
        inside <- answered & !is.na(s$d[[variable]])
        items <- Filter(function(item) item$question == question$id, ys)
        if (question$type == "single") {
          t <- test(design, s$d[[question$id]], variable, inside)
          if (!is.null(t)) tests[[length(tests) + 1]] <- c(list(question = question$id, answer = NULL, by = variable), t)
          items <- Filter(function(item) item$answer == "positif", items)
        }
        for (item in items) {
          t <- test(design, item$y, variable, inside)
          if (!is.null(t)) tests[[length(tests) + 1]] <- c(list(question = question$id, answer = item$answer, by = variable), t)
        }
      }
    }
    entry$weightings[[weighting]] <- list(weights = unname(w * s$n / sum(w)), estimates = estimates, tests = tests)
  }
  reference$surveys[[name]] <- entry
}

writeLines(toJSON(reference, auto_unbox = TRUE, digits = NA, null = "null"), out)
cat("R reference values written to", out, "\n")
