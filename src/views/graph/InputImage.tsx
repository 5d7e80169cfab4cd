/** A 784-unit input layer drawn as the 28×28 image of the focused sample (grey levels 0..1). */
import { useEffect, useRef } from 'react';

export function InputImage({ x, height, row, label }: { x: number; height: number; row: Float64Array | null; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || row === null) return;
    const image = ctx.createImageData(28, 28);
    for (let p = 0; p < 784; p++) {
      const v = 255 - Math.round(255 * Math.max(0, Math.min(1, row[p]!)));
      image.data.set([v, v, v, 255], p * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [row]);
  const size = Math.min(112, height / 3);
  return (
    <g className="layer" data-layer={0}>
      <text x={x} y={16} textAnchor="middle" className="layer-label">
        {label}
      </text>
      <foreignObject x={x - size / 2} y={height / 2 - size / 2} width={size} height={size}>
        <canvas ref={ref} width={28} height={28} style={{ width: size, height: size, imageRendering: 'pixelated' }} aria-label={label} />
      </foreignObject>
    </g>
  );
}
