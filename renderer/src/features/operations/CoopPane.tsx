import { Button, HTMLTable, NonIdealState, Tab, Tabs } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import type { ReactElement, ReactNode } from 'react';
import { ErrorCallout } from '../../app/ErrorCallout';
import '../projects/projects.css';
import './operations.css';

/** The frame shared by the meetings and operations views: a title, tabs, a "new" action and the tab's content. */
export function CoopPane<T extends string>(props: {
  name: string;
  title: string;
  tabs: { id: T; title: string }[];
  tab: T;
  onTab: (tab: T) => void;
  newLabel: string;
  onNew: () => void;
  error: unknown;
  children: ReactNode;
}) {
  const titleId = `${props.name}-title`;
  return (
    <section className={`${props.name}-view pane`} aria-labelledby={titleId}>
      <header className="pane-header">
        <h2 className="pane-title" id={titleId}>
          {props.title}
        </h2>
        <Tabs id={`${props.name}-tabs`} selectedTabId={props.tab} onChange={(id) => props.onTab(id as T)} className="coop-tabs">
          {props.tabs.map((tab) => (
            <Tab key={tab.id} id={tab.id} title={tab.title} />
          ))}
        </Tabs>
        <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={props.newLabel} onClick={props.onNew} />
      </header>
      <ErrorCallout error={props.error} />
      {props.children}
    </section>
  );
}

/** One column of the list: its header, and how a row shows it. */
export interface ListColumn<Row> {
  title: string;
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

/**
 * A list of records beside the chosen record's page. Selecting a row (or its name button, for the
 * keyboard) opens it; an empty list shows the empty state with the "new" action instead.
 */
export function ListDetail<Row extends { id: string }>(props: {
  rows: Row[] | null | undefined;
  current: string | null;
  onSelect: (id: string) => void;
  columns: ListColumn<Row>[];
  tableClass: string;
  empty: { icon: ReactElement; title: string; description: string; action: ReactElement };
  page: ReactNode;
}) {
  const { rows, current, onSelect, columns } = props;
  if (rows && rows.length === 0) return <NonIdealState icon={props.empty.icon} title={props.empty.title} description={props.empty.description} action={props.empty.action} />;
  return (
    <div className="coop-split">
      <div className="table-scroll coop-list">
        <HTMLTable compact striped interactive className={`data-table project-table ${props.tableClass}`}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.title} className={column.numeric ? 'num' : undefined}>
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.map((row) => (
              <tr key={row.id} className={row.id === current ? 'selected' : undefined} aria-selected={row.id === current} onClick={() => onSelect(row.id)}>
                {columns.map((column) => (
                  <td key={column.title} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      </div>
      <div className="coop-page">{props.page}</div>
    </div>
  );
}

/** The empty state's "new" button, the same action as the header's. */
export function NewButton(props: { text: string; onClick: () => void }) {
  return <Button icon={<AddIcon />} intent="primary" text={props.text} onClick={props.onClick} />;
}
