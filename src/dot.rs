//! Graphviz (DOT) pictures of a neighbourhood of the graph: a post with the
//! people who held it and the posts people moved between, or a person with
//! the posts they held. Reads the state; draws nothing itself.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::dot::Dot;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::state::{Link, PersonId, PostId, State};
use crate::timeline::TenureRec;

/// A small graph of labels, built node by node without duplicates.
#[derive(Default)]
struct Picture {
    g: DiGraph<String, String>,
    nodes: HashMap<String, NodeIndex>,
}

impl Picture {
    fn node(&mut self, label: String) -> NodeIndex {
        if let Some(n) = self.nodes.get(&label) {
            return *n;
        }
        let n = self.g.add_node(label.clone());
        self.nodes.insert(label, n);
        n
    }

    fn render(&self) -> String {
        format!("{}", Dot::new(&self.g))
    }
}

fn tenure_label(t: &TenureRec) -> String {
    let mut label = format!("{} – {}", t.start, t.end);
    if !t.flags.is_empty() {
        label.push_str(&format!(" ({})", t.flags));
    }
    label
}

/// The post, everyone who held it (an edge per tenure), and the posts
/// people moved to it from or from it to.
pub(crate) fn post(state: &State, post: PostId) -> String {
    let mut pic = Picture::default();
    let centre = pic.node(state.post(post).to_string());
    // Holders in the order of their tenures, as in the post's history.
    for slot in state.post_line(post).slots() {
        let person = pic.node(state.person(slot.person).to_string());
        pic.g.add_edge(person, centre, tenure_label(&slot.rec));
    }
    let graph = state.graph();
    let node = graph.post_node(post);
    for direction in [Direction::Incoming, Direction::Outgoing] {
        // In the order the edges were made, not petgraph's adjacency order.
        let mut edges: Vec<_> = graph.g.edges_directed(node, direction).collect();
        edges.sort_by_key(|e| e.id());
        for e in edges {
            match *e.weight() {
                Link::Holds(_) => {}
                Link::Move { person, date, .. } => {
                    let other = if direction == Direction::Incoming {
                        e.source()
                    } else {
                        e.target()
                    };
                    let Some(other) = graph.post_at(other) else {
                        continue;
                    };
                    let other = pic.node(state.post(other).to_string());
                    let label = format!("{} moves {date}", state.person(person));
                    let (a, b) = if direction == Direction::Incoming {
                        (other, centre)
                    } else {
                        (centre, other)
                    };
                    pic.g.add_edge(a, b, label);
                }
            }
        }
    }
    pic.render()
}

/// The person and every post they held (an edge per tenure, in the order
/// of their career).
pub(crate) fn person(state: &State, person: PersonId) -> String {
    let mut pic = Picture::default();
    let centre = pic.node(state.person(person).to_string());
    for slot in state.person_line(person).slots() {
        let post = pic.node(state.post(slot.post).to_string());
        pic.g.add_edge(centre, post, tenure_label(&slot.rec));
    }
    pic.render()
}
