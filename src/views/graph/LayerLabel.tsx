/**
 * A column's heading on two lines (name, then size), narrow enough for columns close together;
 * read as one text, "hidden 1 (50)".
 */
export function LayerLabel({ x, name, detail, title }: { x: number; name: string; detail: string; title?: string | undefined }) {
  return (
    <text x={x} y={12} textAnchor="middle" className="layer-label">
      {title !== undefined && <title>{title}</title>}
      {name}{' '}
      <tspan x={x} dy={13} className="layer-size">
        {detail}
      </tspan>
    </text>
  );
}
