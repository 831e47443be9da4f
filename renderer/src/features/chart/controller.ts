import type { CollectionArgument, Core, ElementDefinition, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { ChartItemInput, ChartSettings } from '../../../../shared/charts/api';
import type { ChartData, ChartEdge, ChartNode } from '../../../../shared/charts/dto';
import type { FoldResult } from '../../../../shared/comms/dto';
import { call } from '../../api';
import { edgeDefinition, NODE_SIZE, nodeDefinition } from './elements';
import { centresBox, layoutBox, viewportFor, type View } from './fitView';
import { applyFold } from './fold';
import { History } from './history';
import { Saver } from './saver';
import { applyCollapse, applyFilters, applyMerge, applyRules, type Measures } from './view';

/** The closest a fit goes: see ChartController.fit. */
const FIT_MAX_ZOOM = 1.25;
/** Above this many entities a fit goes by node centres (fitView.ts). */
const FIT_BY_CENTRES_ABOVE = 1000;

// The chart's one owner of state: the cytoscape instance (created by useCytoscape), the settings,
// undo/redo and batched saving. React components call its methods and re-render only when its
// version changes (selection, history, settings), never per element.

type Positions = Map<string, Position>;

export const groupNodeId = (id: string) => `group:${id}`;

export class ChartController {
  readonly history: History;
  readonly saver: Saver;
  settings: ChartSettings;
  measures: Measures = new Map();
  version = 0;
  /** People, not phones: the phones' users and the calls between them, read for the entities on the chart (null: to be read). */
  private fold: FoldResult | null = null;
  private foldLoading = false;
  private listeners = new Set<() => void>();
  private pendingNotify = false;

  constructor(
    readonly cy: Core,
    readonly chartId: string,
    settings: ChartSettings,
    private readonly onError: (err: unknown) => void,
  ) {
    this.settings = settings;
    this.history = new History(() => this.notify());
    this.saver = new Saver(chartId, { item: (id) => this.item(id), settings: () => this.settings }, onError);
  }

  // ---- React subscription (coalesced to one notification per frame) ----
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };
  getVersion = (): number => this.version;
  notify(): void {
    if (this.pendingNotify) return;
    this.pendingNotify = true;
    requestAnimationFrame(() => {
      this.pendingNotify = false;
      this.version++;
      for (const l of this.listeners) l();
    });
  }

  // ---- Reading the chart ----
  entityNodes() {
    return this.cy.nodes().not('.group, .ghost');
  }

  entityIds(): string[] {
    return this.entityNodes().map((n) => n.id());
  }

  /** The saved form of an entity on the chart, or null when it is not on it. */
  item(id: string): ChartItemInput | null {
    const n = this.cy.getElementById(id);
    if (n.empty() || !n.isNode() || n.hasClass('group') || n.hasClass('ghost')) return null;
    const p = n.position();
    const parent = n.data('parent') as string | undefined;
    const style: ChartItemInput['style'] = {};
    if (n.data('custom')) style.colour = n.data('custom') as string;
    if (Number(n.data('scale')) !== 1) style.size = Number(n.data('scale'));
    return {
      entityId: id,
      x: Math.round(p.x * 100) / 100,
      y: Math.round(p.y * 100) / 100,
      pinned: n.hasClass('pinned'),
      hidden: Boolean(n.data('hidden')),
      style,
      group: parent ? parent.slice('group:'.length) : null,
    };
  }

  positions(ids?: readonly string[]): Positions {
    const out: Positions = new Map();
    const nodes = ids ? ids.map((id) => this.cy.getElementById(id)).filter((n) => n.nonempty()) : this.entityNodes().toArray();
    for (const n of nodes) out.set(n.id(), { ...(n as NodeSingular).position() });
    return out;
  }

  // ---- Loading ----
  load(data: ChartData): void {
    // Nodes and links in two batches: a batch styles its elements when it ends, and each style
    // property a node resolves dirties the style of every link at that node (cytoscape's style
    // triggers, a collection per node and property). Styled before any link exists, that walk is
    // empty (profiled at 10,000 entities: ~1 s of the first render).
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.addGroups(this.settings.groups.map((g) => g.id));
      const unplaced = this.addRaw(data.nodes, [], { x: 0, y: 0 });
      if (unplaced.length > 0) this.saver.touch(unplaced);
    });
    this.cy.batch(() => this.addRaw([], data.edges, { x: 0, y: 0 }));
    this.refreshView();
    const v = this.settings.viewport;
    if (v) this.cy.viewport({ zoom: v.zoom, pan: { x: v.x, y: v.y } });
    else this.fit();
    // Every element's bounds, once, before the first draw. Measured at 10,000 entities: without
    // this the first draw computes them itself, cytoscape takes that as a change to every
    // element, throws its cached picture away and draws the whole chart element by element for
    // several more frames (first answer 57 s instead of 34 s on the loaded bench machine).
    this.cy.elements().boundingBox();
  }

  /**
   * Fits the chart (or some elements) in view, but never closer than 1.25×: a chart of three
   * entities fitted exactly shows nodes the size of the screen and labels like headlines.
   */
  fit(eles?: CollectionArgument, padding = 40): void {
    const nodes = (eles ? this.cy.collection(eles) : this.cy.nodes()).nodes().not('.group, .removed, .collapsed-away');
    if (nodes.length > FIT_BY_CENTRES_ABOVE) {
      const box = centresBox(nodes);
      if (box) this.cy.viewport(viewportFor(this.fitView(), box, padding, NODE_SIZE));
      return;
    }
    this.cy.fit(eles, padding);
    if (this.cy.zoom() > FIT_MAX_ZOOM) {
      this.cy.zoom(FIT_MAX_ZOOM);
      this.cy.center(eles);
    }
  }

  /** Fits the view to where a layout is about to put these nodes (big charts; see fitView.ts). */
  fitPositions(nodes: NodeCollection, xy: Float64Array, keep?: Uint8Array, padding = 40): void {
    if (nodes.length <= FIT_BY_CENTRES_ABOVE) return;
    const box = layoutBox(nodes, xy, keep);
    if (box) this.cy.viewport(viewportFor(this.fitView(), box, padding, NODE_SIZE));
  }

  private fitView(): View {
    return { width: this.cy.width(), height: this.cy.height(), minZoom: this.cy.minZoom(), maxZoom: Math.min(this.cy.maxZoom(), FIT_MAX_ZOOM) };
  }

  addGroups(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.cy.getElementById(groupNodeId(id)).nonempty()) continue;
      const g = this.settings.groups.find((x) => x.id === id);
      this.cy.add({ group: 'nodes', data: { id: groupNodeId(id), label: g?.label ?? '' }, classes: 'group' });
    }
  }

  /**
   * Adds nodes and edges; nodes without a position go on a spiral around `anchor` (the first on the
   * anchor itself with `firstAtAnchor`: a drop lands under the pointer). Returns those placed here.
   */
  addRaw(nodes: readonly ChartNode[], edges: readonly ChartEdge[], anchor: Position, firstAtAnchor = false): string[] {
    const placed: string[] = [];
    const defs: ElementDefinition[] = [];
    let i = firstAtAnchor ? -1 : 0;
    for (const n of nodes) {
      if (this.cy.getElementById(n.id).nonempty()) continue;
      let pos: Position;
      if (n.x !== null && n.y !== null) pos = { x: n.x, y: n.y };
      else {
        // Golden-angle spiral: new entities land near where the analyst was looking, unstacked.
        const r = 70 * Math.sqrt(++i);
        const a = i * 2.39996;
        pos = { x: anchor.x + r * Math.cos(a), y: anchor.y + r * Math.sin(a) };
        placed.push(n.id);
      }
      if (n.group) this.addGroups([n.group]);
      defs.push(nodeDefinition(n, pos));
    }
    this.cy.add(defs);
    this.fold = null;
    const edgeDefs = edges
      .filter((e) => this.cy.getElementById(e.id).empty() && this.cy.getElementById(e.source).nonempty() && this.cy.getElementById(e.target).nonempty())
      .map(edgeDefinition);
    this.cy.add(edgeDefs);
    return placed;
  }

  /** Re-applies merge, collapse, filters and rules: cheap classes and data, in batches. */
  refreshView(): void {
    applyMerge(this.cy, this.settings.mergeParallel);
    if (this.settings.foldPhones && !this.fold) this.loadFold();
    applyFold(this.cy, this.settings.foldPhones ? this.fold : null);
    applyCollapse(this.cy, this.settings.groups);
    applyFilters(this.cy, this.settings);
    applyRules(this.cy, this.settings.rules, this.measures);
    this.notify();
  }

  // ---- Commands (each undoable) ----

  /** Adds entities by id with their links to what is on the chart. */
  async addEntities(ids: readonly string[], anchor?: Position, label = 'add', opts: { firstAtAnchor?: boolean } = {}): Promise<number> {
    const fresh = ids.filter((id) => this.cy.getElementById(id).empty());
    if (fresh.length === 0) return 0;
    const els = await call('chart.elements', { entityIds: fresh, withIds: this.entityIds() });
    const at = anchor ?? this.viewCentre();
    let added: string[] = [];
    let snapshot: { nodes: ChartNode[]; edges: ChartEdge[] } | null = null;
    await this.history.run({
      label,
      do: () => {
        this.cy.batch(() => {
          if (snapshot) this.addRaw(snapshot.nodes, snapshot.edges, at);
          else this.addRaw(els.nodes, els.edges, at, opts.firstAtAnchor);
        });
        added = els.nodes.map((n) => n.id);
        if (!snapshot) snapshot = { nodes: els.nodes.map((n) => ({ ...n, ...this.positionOf(n.id) })), edges: els.edges };
        this.saver.touch(added);
        this.refreshView();
      },
      undo: () => {
        this.cy.batch(() => this.byIds(added).remove());
        this.fold = null;
        this.saver.touch(added);
        this.refreshView();
      },
    });
    return els.nodes.length;
  }

  removeFromChart(ids: readonly string[], label = 'remove'): Promise<void> {
    const nodes = ids.map((id) => this.cy.getElementById(id)).filter((n) => n.nonempty() && !n.hasClass('group'));
    if (nodes.length === 0) return Promise.resolve();
    const coll = this.byIds(nodes.map((n) => n.id()));
    const json = coll.union(coll.connectedEdges().not('.merged, .ghost')).jsons() as ElementDefinition[];
    const removed = nodes.map((n) => n.id());
    return this.history.run({
      label,
      do: () => {
        this.cy.batch(() => this.byIds(removed).remove());
        this.fold = null;
        this.saver.touch(removed);
        this.refreshView();
      },
      undo: () => {
        this.cy.batch(() => {
          this.cy.add(json.filter((j) => j.group === 'nodes'));
          this.cy.add(json.filter((j) => j.group === 'edges' && this.cy.getElementById(String(j.data.id)).empty()));
        });
        this.saver.touch(removed);
        this.refreshView();
      },
    });
  }

  /** Moves recorded after the fact (a drag, a finished layout): undo puts them back. */
  recordMove(label: string, before: Positions, after: Positions): void {
    const apply = (p: Positions) => {
      this.setPositions(p);
    };
    this.saver.touch(after.keys());
    this.history.record({ label, do: () => apply(after), undo: () => apply(before) });
  }

  setPositions(p: Positions): void {
    this.cy.batch(() => {
      for (const [id, pos] of p) this.cy.getElementById(id).position(pos);
    });
    this.saver.touch(p.keys());
  }

  pin(ids: readonly string[], pinned: boolean): Promise<void> {
    const before = ids.filter((id) => this.cy.getElementById(id).hasClass('pinned'));
    const set = (on: readonly string[], off: readonly string[]) => {
      this.cy.batch(() => {
        for (const id of on) this.cy.getElementById(id).addClass('pinned');
        for (const id of off) this.cy.getElementById(id).removeClass('pinned');
      });
      this.saver.touch(ids);
      this.notify();
    };
    return this.history.run({
      label: pinned ? 'pin' : 'unpin',
      do: () => (pinned ? set(ids, []) : set([], ids)),
      undo: () => set(before, ids.filter((id) => !before.includes(id))),
    });
  }

  private phoneIds(): string[] {
    return this.entityNodes()
      .filter((n) => n.data('schema') === 'Phone')
      .map((n) => n.id());
  }

  /** Reads the fold for the phones now on the chart, then draws it. */
  private loadFold(): void {
    if (this.foldLoading) return;
    this.foldLoading = true;
    call('comms.fold', { phoneIds: this.phoneIds() })
      .then((fold) => {
        this.fold = fold;
        this.refreshView();
      }, this.onError)
      .finally(() => {
        this.foldLoading = false;
      });
  }

  /** "Show people, not phones": the phones' users are added to the chart where they are missing (one undoable step), then the phones fold into them. */
  async setFoldPhones(on: boolean): Promise<void> {
    try {
      if (on) {
        const fold = await call('comms.fold', { phoneIds: this.phoneIds() });
        const missing = [...new Set(fold.users.map((u) => u.user.id))].filter((id) => this.cy.getElementById(id).empty());
        if (missing.length > 0) {
          const near = this.byIds(fold.users.map((u) => u.phone));
          const box = near.boundingBox();
          await this.addEntities(missing, near.nonempty() ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } : undefined, 'add');
        }
        this.fold = fold;
      }
      await this.changeSettings('fold', { ...this.settings, foldPhones: on });
    } catch (err) {
      this.onError(err);
    }
  }

  /** A settings change (filters, merge, rules…) as one undoable step. */
  changeSettings(label: string, next: ChartSettings): Promise<void> {
    const before = this.settings;
    const apply = (s: ChartSettings) => {
      this.settings = s;
      this.saver.touchSettings();
      this.refreshView();
    };
    return this.history.run({ label, do: () => apply(next), undo: () => apply(before) });
  }

  /** An entity's caption changed in the case: its node, and the box it heads, show the new one. */
  captionChanged(id: string, caption: string): void {
    this.cy.getElementById(id).data('label', caption);
    if (!this.settings.groups.some((g) => g.orgId === id && g.label !== caption)) return;
    this.settings = { ...this.settings, groups: this.settings.groups.map((g) => (g.orgId === id ? { ...g, label: caption } : g)) };
    this.saver.touchSettings();
    this.refreshView();
  }

  /** The nodes with these ids, in one pass (a selector per id would be quadratic at 10,000). */
  byIds(ids: readonly string[]) {
    const set = new Set(ids);
    return this.cy.nodes().filter((n) => set.has(n.id()));
  }

  // ---- Viewport ----
  viewCentre(): Position {
    const ext = this.cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  }

  private positionOf(id: string): { x: number; y: number } {
    const p = this.cy.getElementById(id).position();
    return { x: p.x, y: p.y };
  }

  /** Remembers the viewport with the chart (saved with the next batch). */
  rememberViewport(): void {
    const pan = this.cy.pan();
    this.settings = { ...this.settings, viewport: { zoom: this.cy.zoom(), x: pan.x, y: pan.y } };
    this.saver.touchSettings();
  }
}

