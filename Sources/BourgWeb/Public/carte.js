// Bourg: zoomable maps (the map page /carte and the town page's locator), without any library.
// Without this file both maps are plain SVG: each town a link with its <title> tooltip.
// With it: wheel, drag, pinch, +/− buttons and keyboard zoom and pan; a tooltip on hover and on keyboard focus;
// arrow keys go from town to town; on /carte the select recolours the map from /carte.json without reloading.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  function button(label, text, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "map-button";
    element.setAttribute("aria-label", label);
    element.title = label;
    element.textContent = text;
    element.setAttribute("data-zoom", action);
    return element;
  }

  // One zoomable SVG map. Its links (<a href>) are its items: the towns.
  function ZoomableMap(svg, options) {
    var self = this;
    this.svg = svg;
    this.maxScale = options.maxScale || 16;
    this.onZoom = options.onZoom || function () {};
    var box = svg.viewBox.baseVal;
    this.base = { x: box.x, y: box.y, w: box.width, h: box.height };
    this.view = { x: box.x, y: box.y, w: box.width, h: box.height };

    var viewport = svg.parentNode;
    if (!viewport.classList || !viewport.classList.contains("map-viewport")) {
      viewport = document.createElement("div");
      viewport.className = "map-viewport";
      svg.parentNode.insertBefore(viewport, svg);
      viewport.appendChild(svg);
    }
    this.viewport = viewport;
    viewport.classList.add("zoomable");
    viewport.tabIndex = 0;
    viewport.setAttribute("role", "group");
    viewport.setAttribute("aria-label", options.label ||
      "Carte : flèches pour se déplacer, + et − pour zoomer, 0 pour la vue d'ensemble, Entrée pour parcourir les communes");

    var controls = document.createElement("div");
    controls.className = "map-controls";
    controls.appendChild(button("Zoomer", "+", "in"));
    controls.appendChild(button("Dézoomer", "−", "out"));
    controls.appendChild(button("Vue d'ensemble", "⤢", "reset"));
    viewport.parentNode.insertBefore(controls, viewport);
    controls.addEventListener("click", function (event) {
      var target = event.target.closest("[data-zoom]");
      if (!target) return;
      var action = target.getAttribute("data-zoom");
      if (action === "reset") self.reset(); else self.zoomAtCentre(action === "in" ? 2 : 0.5);
    });

    this.tooltip = document.createElement("div");
    this.tooltip.className = "map-tooltip";
    this.tooltip.hidden = true;
    this.tooltip.setAttribute("aria-hidden", "true");
    viewport.appendChild(this.tooltip);

    this.highlight = document.createElementNS(SVG_NS, "path");
    this.highlight.setAttribute("class", "map-highlight");
    this.highlight.setAttribute("aria-hidden", "true");

    // Items: move each <title> into aria-label (the tooltip replaces the browser's), one tab stop for all.
    this.items = Array.prototype.slice.call(svg.querySelectorAll("a[href]"));
    this.items.forEach(function (item, index) {
      var title = item.querySelector("title");
      if (title) {
        item.setAttribute("aria-label", title.textContent);
        title.parentNode.removeChild(title);
      }
      item.setAttribute("tabindex", index === 0 ? "0" : "-1");
    });
    this.current = this.items[0] || null;
    this.centres = null;

    this.listen();
  }

  ZoomableMap.prototype.scale = function () { return this.base.w / this.view.w; };

  ZoomableMap.prototype.setView = function (view) {
    var base = this.base;
    var w = Math.min(base.w, Math.max(base.w / this.maxScale, view.w));
    var h = w * base.h / base.w;
    var x = Math.min(base.x + base.w - w, Math.max(base.x, view.x));
    var y = Math.min(base.y + base.h - h, Math.max(base.y, view.y));
    this.view = { x: x, y: y, w: w, h: h };
    if (!this.frame) {
      var self = this;
      this.frame = window.requestAnimationFrame(function () {
        self.frame = null;
        var v = self.view;
        self.svg.setAttribute("viewBox", v.x + " " + v.y + " " + v.w + " " + v.h);
        self.svg.setAttribute("data-scale", self.scale().toFixed(2));
        self.onZoom(self.scale());
      });
    }
  };

  // Zooms by `factor` keeping the map point (x, y) where it is on screen.
  ZoomableMap.prototype.zoomAt = function (factor, x, y) {
    var v = this.view;
    var w = Math.min(this.base.w, Math.max(this.base.w / this.maxScale, v.w / factor));
    var k = w / v.w;
    this.setView({ x: x - (x - v.x) * k, y: y - (y - v.y) * k, w: w });
    this.hideTooltip();
  };

  ZoomableMap.prototype.zoomAtCentre = function (factor) {
    var v = this.view;
    this.zoomAt(factor, v.x + v.w / 2, v.y + v.h / 2);
  };

  ZoomableMap.prototype.pan = function (dx, dy) {
    var v = this.view;
    this.setView({ x: v.x + dx, y: v.y + dy, w: v.w });
  };

  ZoomableMap.prototype.reset = function () {
    this.setView({ x: this.base.x, y: this.base.y, w: this.base.w });
    this.hideTooltip();
  };

  // Client pixels to map units (the SVG keeps the view box's proportions: width 100 %, height auto).
  ZoomableMap.prototype.toMap = function (clientX, clientY) {
    var rect = this.svg.getBoundingClientRect();
    return {
      x: this.view.x + (clientX - rect.left) / rect.width * this.view.w,
      y: this.view.y + (clientY - rect.top) / rect.height * this.view.h
    };
  };

  ZoomableMap.prototype.toClient = function (x, y) {
    var rect = this.svg.getBoundingClientRect();
    return {
      x: rect.left + (x - this.view.x) / this.view.w * rect.width,
      y: rect.top + (y - this.view.y) / this.view.h * rect.height
    };
  };

  ZoomableMap.prototype.centreOf = function (item) {
    if (!this.centres) this.centres = new Map();
    var centre = this.centres.get(item);
    if (!centre) {
      var box = item.getBBox();
      centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      this.centres.set(item, centre);
    }
    return centre;
  };

  ZoomableMap.prototype.showTooltip = function (item, clientX, clientY) {
    var label = item.getAttribute("aria-label") || "";
    var split = label.indexOf(" : ");
    var tooltip = this.tooltip;
    tooltip.textContent = "";
    var name = document.createElement("strong");
    name.textContent = split > 0 ? label.slice(0, split) : label;
    tooltip.appendChild(name);
    if (split > 0) {
      label.slice(split + 3).split(" — ").forEach(function (line) {
        tooltip.appendChild(document.createElement("br"));
        tooltip.appendChild(document.createTextNode(line));
      });
    }
    tooltip.hidden = false;
    var area = this.viewport.getBoundingClientRect();
    var left = clientX - area.left + 14, top = clientY - area.top + 14;
    if (left + tooltip.offsetWidth > area.width) left = Math.max(0, clientX - area.left - tooltip.offsetWidth - 14);
    if (top + tooltip.offsetHeight > area.height) top = Math.max(0, clientY - area.top - tooltip.offsetHeight - 14);
    tooltip.style.left = left + "px";
    tooltip.style.top = top + "px";
    var shape = item.querySelector("path, circle");
    if (shape && shape.tagName === "path") {
      this.highlight.setAttribute("d", shape.getAttribute("d"));
      this.svg.appendChild(this.highlight);
    }
  };

  ZoomableMap.prototype.hideTooltip = function () {
    this.tooltip.hidden = true;
    if (this.highlight.parentNode) this.highlight.parentNode.removeChild(this.highlight);
  };

  // Focuses an item (roving tab stop), brings it into view and shows its tooltip.
  ZoomableMap.prototype.focusItem = function (item) {
    if (!item) return;
    if (this.current && this.current !== item) this.current.setAttribute("tabindex", "-1");
    this.current = item;
    item.setAttribute("tabindex", "0");
    item.focus({ preventScroll: true });
    var c = this.centreOf(item), v = this.view;
    if (c.x < v.x || c.x > v.x + v.w || c.y < v.y || c.y > v.y + v.h) {
      this.setView({ x: c.x - v.w / 2, y: c.y - v.h / 2, w: v.w });
    }
    var self = this;
    window.requestAnimationFrame(function () {
      var p = self.toClient(c.x, c.y);
      self.showTooltip(item, p.x, p.y);
    });
  };

  // The item nearest to `from` in a direction (dx, dy), favouring those straight ahead.
  ZoomableMap.prototype.neighbour = function (from, dx, dy) {
    var origin = this.centreOf(from), best = null, bestScore = Infinity, self = this;
    this.items.forEach(function (item) {
      if (item === from) return;
      var c = self.centreOf(item);
      var along = (c.x - origin.x) * dx + (c.y - origin.y) * dy;
      if (along <= 0) return;
      var across = Math.abs((c.x - origin.x) * dy - (c.y - origin.y) * dx);
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = item; }
    });
    return best;
  };

  ZoomableMap.prototype.nearestToCentre = function () {
    var v = this.view, x = v.x + v.w / 2, y = v.y + v.h / 2, best = null, bestDistance = Infinity, self = this;
    this.items.forEach(function (item) {
      var c = self.centreOf(item), d = (c.x - x) * (c.x - x) + (c.y - y) * (c.y - y);
      if (d < bestDistance) { bestDistance = d; best = item; }
    });
    return best;
  };

  var DIRECTIONS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  ZoomableMap.prototype.listen = function () {
    var self = this, svg = this.svg, viewport = this.viewport;

    viewport.addEventListener("wheel", function (event) {
      event.preventDefault();
      var delta = event.deltaY * (event.deltaMode === 1 ? 30 : event.deltaMode === 2 ? 300 : 1);
      var p = self.toMap(event.clientX, event.clientY);
      self.zoomAt(Math.exp(-delta * 0.002), p.x, p.y);
    }, { passive: false });

    // Drag to pan, two fingers to pinch; a drag does not follow the link it started on.
    var pointers = new Map(), moved = 0, last = null;
    function gesture() {
      var points = Array.from(pointers.values());
      if (points.length === 1) return { x: points[0].x, y: points[0].y, d: 0 };
      var a = points[0], b = points[1];
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) };
    }
    function move(event) {
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      var now = gesture();
      if (last) {
        moved += Math.abs(now.x - last.x) + Math.abs(now.y - last.y);
        var rect = svg.getBoundingClientRect();
        var perPixel = self.view.w / rect.width;
        if (now.d > 0 && last.d > 0) {
          var p = self.toMap(now.x, now.y);
          self.zoomAt(now.d / last.d, p.x, p.y);
        }
        if (moved > 4) {
          self.pan(-(now.x - last.x) * perPixel, -(now.y - last.y) * perPixel);
          viewport.classList.add("dragging");
          self.hideTooltip();
        }
      }
      last = now;
    }
    function up(event) {
      pointers.delete(event.pointerId);
      last = pointers.size ? gesture() : null;
      if (!pointers.size) {
        viewport.classList.remove("dragging");
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
        window.removeEventListener("pointercancel", up);
      }
    }
    viewport.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || event.target.closest(".map-tooltip")) return;
      if (!pointers.size) {
        moved = 0;
        window.addEventListener("pointermove", move);
        window.addEventListener("pointerup", up);
        window.addEventListener("pointercancel", up);
      }
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      last = gesture();
    });
    viewport.addEventListener("click", function (event) {
      if (moved > 4) { event.preventDefault(); event.stopPropagation(); moved = 0; }
    }, true);

    // Tooltip on hover.
    svg.addEventListener("pointerover", function (event) {
      var item = event.target.closest("a[href]");
      if (item && !pointers.size) self.showTooltip(item, event.clientX, event.clientY);
    });
    svg.addEventListener("pointermove", function (event) {
      var item = event.target.closest("a[href]");
      if (item && !pointers.size) self.showTooltip(item, event.clientX, event.clientY);
    });
    svg.addEventListener("pointerleave", function () { self.hideTooltip(); });

    // Keyboard: on the map, arrows pan; on a town, arrows go to the next town; + − 0 everywhere.
    viewport.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var item = event.target.closest ? event.target.closest("a[href]") : null;
      var key = event.key;
      if (key === "+" || key === "=") {
        if (item) { var c = self.centreOf(item); self.zoomAt(2, c.x, c.y); } else self.zoomAtCentre(2);
      } else if (key === "-" || key === "_") {
        self.zoomAtCentre(0.5);
      } else if (key === "0") {
        self.reset();
      } else if (DIRECTIONS[key]) {
        var direction = DIRECTIONS[key];
        if (item) self.focusItem(self.neighbour(item, direction[0], direction[1]) || item);
        else self.pan(direction[0] * self.view.w * 0.1, direction[1] * self.view.h * 0.1);
      } else if (key === "Enter" && item) {
        window.location.assign(item.getAttribute("href"));
      } else if (key === "Enter" && event.target === viewport) {
        self.focusItem(self.nearestToCentre());
      } else if (key === "Escape" && item) {
        self.hideTooltip();
        viewport.focus();
      } else {
        return;
      }
      event.preventDefault();
    });
    svg.addEventListener("focusin", function (event) {
      var item = event.target.closest("a[href]");
      if (item && item !== self.current) self.focusItem(item);
      else if (item) {
        var c = self.centreOf(item), p = self.toClient(c.x, c.y);
        self.showTooltip(item, p.x, p.y);
      }
    });
    svg.addEventListener("focusout", function () { self.hideTooltip(); });
  };

  // The map page: the select recolours the towns from /carte.json.
  function ChoroplethPage(figure, map) {
    this.figure = figure;
    this.map = map;
    this.byCode = new Map();
    var self = this;
    map.items.forEach(function (item) { self.byCode.set(item.getAttribute("href").split("/").pop(), item); });
    var form = document.querySelector("form.map-form");
    var select = form && form.querySelector("select[name=mesure]");
    if (!form || !select || !window.fetch) return;
    function load() {
      var query = new URLSearchParams(new FormData(form));
      if (query.get("mesure") === "note") query.delete("mesure");
      var text = query.toString();
      form.setAttribute("aria-busy", "true");
      fetch("/carte.json" + (text ? "?" + text : ""), { headers: { Accept: "application/json" } })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (page) {
          self.apply(page);
          window.history.replaceState(null, "", "/carte" + (text ? "?" + text : ""));
        })
        .catch(function () { form.submit(); })
        .then(function () { form.removeAttribute("aria-busy"); });
    }
    select.addEventListener("change", load);
    form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
  }

  ChoroplethPage.prototype.apply = function (page) {
    var self = this, ranked = new Intl.NumberFormat("fr-FR").format(page.rankedCount);
    page.towns.forEach(function (town) {
      var item = self.byCode.get(town.code);
      if (!item) return;
      var shape = item.querySelector("path");
      if (shape) shape.setAttribute("class", town.classID);
      item.setAttribute("aria-label", town.name + " (" + town.departement + ") : " + town.valueText +
        (town.rank ? " — rang " + town.rank + " sur " + ranked : ""));
    });
    var legend = document.querySelector(".map-legend");
    if (legend) {
      legend.textContent = "";
      page.classes.concat(page.otherClasses).forEach(function (entry) {
        var line = document.createElement("li"), swatch = document.createElement("span"), count = document.createElement("span");
        swatch.className = "swatch " + entry.id;
        count.className = "muted";
        count.textContent = "(" + entry.count + ")";
        line.appendChild(swatch);
        line.appendChild(document.createTextNode(entry.label + " "));
        line.appendChild(count);
        legend.appendChild(line);
      });
    }
    var measure = page.measure;
    function set(selector, text) {
      document.querySelectorAll(selector).forEach(function (element) { element.textContent = text; });
    }
    set(".map-measure-label", measure.label);
    set(".map-legend-title", measure.label + (measure.unit ? " (" + measure.unit + ")" : ""));
    set(".map-direction", measure.direction);
    set(".map-definition", measure.definition);
    set(".map-sources", measure.sources);
    document.querySelectorAll('a[href^="/carte.json"], link[rel=alternate]').forEach(function (link) {
      link.setAttribute("href", page.frame.jsonPath);
      if (link.tagName === "A" && link.textContent.indexOf("/carte.json") === 0) link.textContent = page.frame.jsonPath;
    });
    this.figure.setAttribute("data-measure", measure.id);
    this.map.hideTooltip();
  };

  // The map page's map.
  document.querySelectorAll("figure.atlas-map svg.shape-map").forEach(function (svg) {
    var map = new ZoomableMap(svg, { maxScale: 40 });
    new ChoroplethPage(svg.closest("figure"), map);
  });
  if (window.performance && performance.mark) performance.mark("carte-interactive");
  // The town page's locator: dots keep their size on screen as the map zooms.
  document.querySelectorAll("figure.locator svg.map").forEach(function (svg) {
    var circles = Array.prototype.slice.call(svg.querySelectorAll("circle"));
    var radii = circles.map(function (circle) { return parseFloat(circle.getAttribute("r")); });
    new ZoomableMap(svg, {
      maxScale: 12,
      label: "Carte du département : flèches pour se déplacer, + et − pour zoomer, 0 pour la vue d'ensemble, Entrée pour parcourir les petites villes",
      onZoom: function (scale) {
        circles.forEach(function (circle, index) { circle.setAttribute("r", (radii[index] / Math.pow(scale, 0.7)).toFixed(2)); });
      }
    });
  });
})();
