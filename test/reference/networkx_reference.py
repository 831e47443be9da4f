#!/usr/bin/python3
"""Reference values for Cordon's analysis tests, computed once with networkx and committed.

Run with Debian's interpreter and package (not a pyenv python):
    apt-get install -y python3-networkx      # networkx 2.8.8 on Debian 12
    /usr/bin/python3 test/reference/networkx_reference.py > test/reference/networkx.json

The graphs are read exactly as test/core/analysis/fixtures.ts reads them: same nodes, same edges,
same insertion order (see the conventions in electron/core/analysis/graph.ts). Self-loops are
dropped on both sides. Lengths for weighted path measures are 1/weight (a strong tie is short);
eigenvector centrality and PageRank take the weight itself.
"""
import json
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, '..', 'fixtures')


def caviar_edges():
    edges = []
    for phase in range(1, 12):
        with open(os.path.join(FIX, 'caviar', 'phase%d.csv' % phase)) as f:
            lines = [l for l in f.read().strip().splitlines()]
        header = [c.replace('"', '') for c in lines[0].split(',')]
        for line in lines[1:]:
            cells = [c.replace('"', '') for c in line.split(',')]
            for j, cell in enumerate(cells[1:]):
                count = float(cell)
                if count > 0:
                    edges.append(('n' + cells[0], 'n' + header[j + 1], count))
    return edges


def merged(edges, directed, policy):
    """Builds the graph as GraphBuilder does: parallel edges summed ('sum') or last wins ('last')."""
    G = nx.DiGraph() if directed else nx.Graph()
    for u, v, w in edges:
        if u == v:
            continue
        if G.has_edge(u, v):
            G[u][v]['weight'] = G[u][v]['weight'] + w if policy == 'sum' else w
        else:
            G.add_edge(u, v, weight=w)
    for u, v, d in G.edges(data=True):
        d['length'] = 1.0 / d['weight']
    return G


def montagna_edges(which):
    with open(os.path.join(FIX, 'montagna', 'Montagna_%s_edgelist.csv' % which)) as f:
        return [(p[0], p[1], float(p[2])) for p in (l.split() for l in f.read().strip().splitlines())]


def krebs_edges():
    def alias(s):
        s = s.strip()
        return 'Nabil al-Marabh' if s == 'Nabil Almarabh' else s
    with open(os.path.join(FIX, 'krebs911', '9_11_edgelist.txt')) as f:
        pairs = [l.split(',') for l in f.read().splitlines() if ',' in l]
    edges = [(alias(a), alias(b), 1.0) for a, b in pairs if alias(a) != alias(b)]
    G = nx.Graph()
    G.add_edges_from((a, b) for a, b, _ in edges)
    giant = max(nx.connected_components(G), key=len)
    return [e for e in edges if e[0] in giant]


def measures(G, weighted_too=True):
    n = G.number_of_nodes()
    out = {'nodes': n, 'edges': G.number_of_edges(), 'directed': G.is_directed()}
    out['node_order'] = list(G.nodes())
    if G.is_directed():
        out['in_degree'] = dict(G.in_degree())
        out['out_degree'] = dict(G.out_degree())
    out['degree'] = dict(G.degree())
    out['strength'] = dict(G.degree(weight='weight'))
    out['betweenness'] = nx.betweenness_centrality(G)
    out['betweenness_unnormalized'] = nx.betweenness_centrality(G, normalized=False)
    # Harmonic closeness divided by n - 1, so that it lies in [0, 1].
    out['closeness'] = {v: c / (n - 1) for v, c in nx.harmonic_centrality(G).items()}
    out['pagerank'] = nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=100000, weight=None)
    if not G.is_directed():
        out['eigenvector'] = nx.eigenvector_centrality_numpy(G, weight=None)
        out['kcore'] = nx.core_number(G)
        out['articulation_points'] = sorted(nx.articulation_points(G))
        out['bridges'] = sorted(sorted(e) for e in nx.bridges(G))
        louvain = nx.community.louvain_communities(G, weight=None, seed=1)
        out['louvain_networkx'] = {
            'communities': [sorted(c) for c in louvain],
            'modularity': nx.community.modularity(G, louvain, weight=None),
            'modularity_weighted': nx.community.modularity(G, louvain, weight='weight'),
        }
        out['components'] = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    if weighted_too:
        out['betweenness_weighted'] = nx.betweenness_centrality(G, weight='length')
        out['closeness_weighted'] = {v: c / (n - 1) for v, c in nx.harmonic_centrality(G, distance='length').items()}
        out['pagerank_weighted'] = nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=100000, weight='weight')
        if not G.is_directed():
            out['eigenvector_weighted'] = nx.eigenvector_centrality_numpy(G, weight='weight')
    # A few shortest-path facts: hop distances from the first node, and the number of shortest
    # paths between the first node and every other node it reaches.
    first = out['node_order'][0]
    out['paths_from'] = first
    out['hops'] = dict(nx.single_source_shortest_path_length(G, first))
    out['path_counts'] = {t: sum(1 for _ in nx.all_shortest_paths(G, first, t)) for t in out['hops'] if t != first}
    return out


def main():
    result = {
        'generator': 'networkx %s via test/reference/networkx_reference.py' % nx.__version__,
        'caviar': measures(merged(caviar_edges(), False, 'sum')),
        'caviar_directed': measures(merged(caviar_edges(), True, 'sum')),
        'montagna_meetings': measures(merged(montagna_edges('meetings'), False, 'last')),
        'montagna_phonecalls': measures(merged(montagna_edges('phonecalls'), False, 'last')),
        'krebs911': measures(merged(krebs_edges(), False, 'last'), weighted_too=False),
    }
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
