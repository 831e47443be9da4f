// The product's layout worker, bundled on its own for the benchmark page.
import '../../../renderer/src/features/chart/fa2.worker';
