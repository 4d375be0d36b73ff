/// Word lists for synthetic names: varied enough that search and matching have real work to do.
enum SyntheticNames {
  static let prefixes = [
    "Nova", "Quantum", "Deep", "Bright", "Hyper", "Cloud", "Iron", "Swift", "Silver", "Blue",
    "Neo", "Astra", "Vector", "Pixel", "Orbit", "Lumen", "Cortex", "Sigma", "Apex", "Echo",
    "Zenith", "Helix", "Pulse", "Terra", "Vivid", "Nimbus", "Atlas", "Prism", "Cobalt", "Falcon",
  ]
  static let middles = [
    "mind", "wave", "core", "logic", "path", "sense", "bot", "forge", "link", "byte",
    "shift", "grid", "spark", "flow", "stack", "field", "point", "works", "scale", "gate",
    "loop", "lens", "cell", "beam", "nest", "quest", "form", "dash", "hive", "ray",
  ]
  static let sectors = [
    "Robotics", "AI", "Labs", "Intelligence", "Systems", "Semiconductor", "Cloud", "Vision",
    "Dynamics", "Technologies",
  ]
  static let chinesePrefixes = [
    "星", "云", "智", "深", "光", "天", "极", "宇", "灵", "瀚", "思", "远", "新", "华", "锐",
    "博", "腾", "正", "明", "信", "达", "海", "峰", "启", "恒", "安", "盛", "睿", "卓", "擎",
  ]
  static let chineseMiddles = [
    "辰", "图", "链", "算", "芯", "视", "行", "元", "际", "源", "衡", "策", "维", "联", "象",
    "动", "航", "驰", "创", "谷", "羽", "岳", "川", "泽", "曜", "瞳", "翼", "弦", "澜", "穹",
  ]
  static let chineseSectors = [
    "机器人", "智能", "实验室", "科技", "系统", "半导体", "云", "视觉", "动力", "技术",
  ]
  static let givenNames = [
    "Alex", "Mei", "Jun", "Sara", "Wei", "Lina", "Tom", "Yan", "Omar", "Ivy", "Hao", "Nina",
    "Ravi", "Lei", "Anna", "Kai", "Zoe", "Bo", "Elena", "Ming",
  ]
  static let familyNames = [
    "Chen", "Wang", "Li", "Zhang", "Liu", "Smith", "Garcia", "Müller", "Sato", "Kim",
    "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Novak", "Rossi", "Ito", "Lopez",
  ]
  static let chineseFamilyNames = [
    "陈", "王", "李", "张", "刘", "史", "贾", "穆", "佐", "金", "赵", "黄", "周", "吴", "徐",
    "孙", "诺", "罗", "伊", "洛",
  ]
  static let chineseGivenNames = [
    "明", "梅", "军", "莎", "伟", "琳", "涛", "燕", "安", "怡", "浩", "妮", "睿", "磊", "娜",
    "凯", "卓", "博", "丽", "铭",
  ]
}
