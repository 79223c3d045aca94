// What Tailwind must know about Tremor, kept beside the charts that use it.
//
// Tremor builds its colour classes at run time (fill-blue-500, bg-blue-500 …),
// so Tailwind can't see them in the source: tailwind.config.ts safelists
// exactly these colours, at the 500 shade Tremor's charts, legends, tooltips
// and bar lists draw with. Use a colour from this list, or add it here.
export const chartColors = ["blue", "emerald", "amber", "rose", "violet", "cyan", "gray"] as const;
export type ChartColor = (typeof chartColors)[number];

// The Tremor components in use (and what they import), for Tailwind's content
// scan. Scanning all of Tremor doubles the CSS with classes of components we
// never render. Using another Tremor component? Add its folder here.
export const tremorSources = [
  "./node_modules/@tremor/react/dist/components/chart-elements/{BarChart,DonutChart,common}/*.js",
  "./node_modules/@tremor/react/dist/components/vis-elements/BarList/*.js",
  "./node_modules/@tremor/react/dist/components/text-elements/Legend/*.js",
];
