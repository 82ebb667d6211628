// W2 steady state: cost per timer against the number of pending timers, as a hand-written
// SVG line chart with log scales on both axes (no dependency).
import { value } from "./report.mjs";
import { W2_SWEEP } from "./params.mjs";

const SERIES = [
  { key: "asyncio:", label: "asyncio", color: "#3b6ea8", dash: "" },
  { key: "wasmloop:wasm", label: "wasmloop (callLater)", color: "#c2410c", dash: "" },
  { key: "wasmloop:wasm-ids", label: "wasmloop (callLaterId)", color: "#c2410c", dash: "6 4" },
  { key: "typed-heap:", label: "typed-array heap (JS)", color: "#15803d", dash: "" },
];

const W = 720;
const H = 420;
const M = { left: 72, right: 200, top: 40, bottom: 56 };

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function w2Chart(results, subtitle) {
  const series = SERIES.map((s) => ({
    ...s,
    points: W2_SWEEP.map((n) => [n, value(results, s.key, `W2.steady.${n}`)]).filter(([, v]) => v !== undefined),
  })).filter((s) => s.points.length > 0);
  const all = series.flatMap((s) => s.points.map(([, v]) => v));
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const xMin = W2_SWEEP[0];
  const xMax = W2_SWEEP[W2_SWEEP.length - 1];
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (n) => M.left + (pw * Math.log10(n / xMin)) / Math.log10(xMax / xMin);
  const y = (v) => M.top + ph - (ph * Math.log10(v / yMin)) / Math.log10(yMax / yMin);

  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${M.left}" y="20" font-size="15" font-weight="600">W2 steady state: cost per timer vs pending timers</text>`);
  if (subtitle) out.push(`<text x="${M.left}" y="34" fill="#555">${esc(subtitle)}</text>`);
  // grid and axes
  for (const n of W2_SWEEP) {
    out.push(`<line x1="${x(n)}" y1="${M.top}" x2="${x(n)}" y2="${M.top + ph}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x(n)}" y="${M.top + ph + 18}" text-anchor="middle">10<tspan dy="-5" font-size="9">${Math.log10(n)}</tspan></text>`);
  }
  for (let v = yMin; v <= yMax * 1.0001; v *= 10) {
    for (const m of [1, 2, 5]) {
      const t = v * m;
      if (t > yMax * 1.0001) break;
      out.push(`<line x1="${M.left}" y1="${y(t)}" x2="${M.left + pw}" y2="${y(t)}" stroke="${m === 1 ? "#d4d4d4" : "#f0f0f0"}"/>`);
      out.push(`<text x="${M.left - 8}" y="${y(t) + 4}" text-anchor="end" fill="${m === 1 ? "#000" : "#777"}">${t.toLocaleString("en-US")}</text>`);
    }
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 14}" text-anchor="middle">timers pending (log scale)</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">ns per timer fired and rescheduled (log scale)</text>`);
  // series and legend
  series.forEach((s, i) => {
    const d = s.points.map(([n, v], j) => `${j === 0 ? "M" : "L"}${x(n).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    for (const [n, v] of s.points) {
      out.push(`<circle cx="${x(n).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(s.label)}: ${n.toLocaleString("en-US")} pending, ${Math.round(v)} ns</title></circle>`);
    }
    const ly = M.top + 16 + i * 22;
    const lx = M.left + pw + 16;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 26}" y2="${ly}" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    out.push(`<text x="${lx + 32}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
