/** `/assets/dashboard.css`: the vehicle pages' layout, mobile first (one column under 40rem). */
export const DASHBOARD_CSS = `
.small { font-size: .85rem; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); margin-bottom: 2rem; }
/* Grid items may shrink below their longest word; long values wrap instead of widening the page. */
.card, .signal-section, .pictures figure { min-width: 0; }
table.signals td, .facts dd { overflow-wrap: anywhere; }
.card { border: 1px solid #8884; border-radius: .6rem; padding: 1rem; display: grid; gap: .5rem; align-content: start; }
.card-head { display: flex; gap: .75rem; align-items: center; color: inherit; text-decoration: none; }
.card-head span { display: grid; }
.vehicle-name { font-size: 1.05rem; }
.summary { display: grid; gap: .5rem; }
.summary-gauge { display: grid; gap: .2rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: 0; }
.facts div { display: contents; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.age { color: var(--muted); font-size: .8rem; white-space: nowrap; }
.problem { color: #b45309; }
.vehicle-problems p { margin-top: 0; }
.vehicle-problems ul { margin-bottom: 0; padding-left: 1.2rem; }
.ok { color: #15803d; font-weight: 600; }
.pending { color: #0369a1; }
.flashes { display: grid; gap: .5rem; margin-bottom: 1rem; }
.flash { margin: 0; padding: .75rem 1rem; border-radius: .4rem; border-left: 4px solid; }
.flash-success { border-color: #16a34a; background: #16a34a14; }
.flash-error { border-color: #dc2626; background: #dc262614; }
.flash-info { border-color: #0284c7; background: #0284c714; }
.vehicle-head { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.vehicle-head h1 { margin: 0; }
.vehicle-head p { margin: .2rem 0 0; }
.commands { display: grid; gap: .75rem; }
.command-buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
.command-buttons form { margin: 0; }
.inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 0; }
.inline-form label { display: grid; gap: .2rem; font-size: .85rem; }
.inline-form input { font: inherit; padding: .45rem .6rem; border: 1px solid #8888; border-radius: .35rem; width: 9rem; }
.button.secondary { background: transparent; color: var(--accent); border: 1px solid var(--accent); }
.button.danger { background: #b91c1c; }
.command-log ol { padding-left: 1.2rem; margin: .25rem 0; }
.command-log li { margin: .25rem 0; }
.pictures { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.pictures figure { margin: 0; }
.pictures figcaption { font-weight: 600; margin-bottom: .3rem; }
.pictures svg { max-width: 100%; height: auto; }
.signal-sections { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
.signal-section h3 { margin: .5rem 0 .25rem; font-size: 1rem; }
table.signals th { font-weight: 500; width: 45%; }
table.signals td, table.signals th { padding: .3rem .5rem; }
.table-scroll { overflow-x: auto; }
.actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-top: 1.5rem; }
.live-status[data-live-state="open"]::before { content: "● "; color: #16a34a; }
.live-status[data-live-state="reconnecting"]::before { content: "● "; color: #d97706; }
@media (max-width: 40rem) {
  main { padding: 1rem; }
  .cards, .pictures, .signal-sections { grid-template-columns: minmax(0, 1fr); }
  .mono { word-break: break-all; }
}
`;
