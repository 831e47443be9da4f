import type { Core } from 'cytoscape';
import type { FoldResult } from '../../../../shared/comms/dto';
import { edgeDefinition } from './elements';

// "Show people, not phones" on the drawing: each phone that folds (the core's comms.fold) is
// hidden with its links, and the calls carried over to its user are drawn as Call links of their
// own (class "fold"), made again on every refresh like merged links. Nothing of it is saved: the
// chart keeps its phones, and turning the switch off shows them where they were.

export function applyFold(cy: Core, fold: FoldResult | null): void {
  cy.batch(() => {
    cy.edges('.fold').remove();
    cy.elements('.folded-away').removeClass('folded-away');
    if (!fold) return;
    for (const { phone } of fold.users) {
      const n = cy.getElementById(phone);
      if (n.empty()) continue;
      n.addClass('folded-away');
      n.connectedEdges().addClass('folded-away');
    }
    const drawn = fold.edges.filter((e) => cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty());
    cy.add(
      drawn.map((e) => {
        const def = edgeDefinition(e);
        return { ...def, classes: `${def.classes ?? ''} fold`.trim() };
      }),
    );
  });
}
